FROM debian:bookworm
RUN ( export PATH=/opt/bin:$PATH && tool --version ) && \
    echo "$PATH" > /path.txt && \
    ( GREETING=hello ) && \
    echo "${GREETING:-unset}"
