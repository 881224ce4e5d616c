FROM debian:bookworm
RUN ( exec echo replaced ) && \
    echo next
