FROM debian:bookworm
RUN echo a \
# a comment line
RUN echo b && \
    echo c
