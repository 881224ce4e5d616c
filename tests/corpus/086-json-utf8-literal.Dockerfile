FROM debian:bookworm-slim
ENV LANG=C.UTF-8
CMD ["echo", "Grüße aus Köln", "日本語のテキスト", "Ελληνικά", "emoji 🐳"]
LABEL description="Ünïcödé läbel — with an em dash"
