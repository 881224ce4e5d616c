FROM debian:bookworm
RUN ( . /etc/os-release && echo "$ID" > /id ) && \
    cat /id
