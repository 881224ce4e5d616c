FROM debian:bookworm
RUN echo a
RUN echo "$_" && \
    echo b
