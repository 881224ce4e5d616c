FROM debian:bookworm
RUN ( X=1 : ) && \
    echo "${X:-unset}"
