FROM ubuntu:24.04
# 日本語: ビルド用のイメージ
# 한국어 주석
# עברית מימין לשמאל
# العربية
# 🐳📦🚀 emoji in a comment
LABEL title="多言語テスト" note="ελληνικά κείμενα"
ENV MESSAGE="नमस्ते दुनिया"
RUN echo "$MESSAGE" && echo "😀 grinning" && echo "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP"
CMD ["echo", "готово"]
