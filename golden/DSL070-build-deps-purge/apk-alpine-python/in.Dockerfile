FROM alpine:3.19
RUN apk add --no-cache python3 py3-pip gcc musl-dev python3-dev \
    && pip install --break-system-packages psutil
