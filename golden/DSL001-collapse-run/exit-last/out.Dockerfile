FROM debian:bookworm
RUN echo a && \
    exit 1
