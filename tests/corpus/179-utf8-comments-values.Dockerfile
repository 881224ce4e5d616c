# Ce fichier contient des caractères accentués : é, è, ç, à.
# Комментарий на русском языке.
# 这是一个中文注释。
FROM alpine:3.19
LABEL description="Ünïcödé – “smart quotes” — and ‘more’" \
      author="Zoë Ångström"
ENV GREETING="¡Hola, señor!" CURRENCY=€ SYMBOL=→
ENV LEGACY Grüße aus München
RUN echo "$GREETING ✓" > /greeting.txt
WORKDIR /données/répertoire
COPY fichier-été.txt ./
CMD ["cat", "/greeting.txt"]
