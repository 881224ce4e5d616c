FROM debian:bookworm
RUN echo a && \
    { false; echo b; } && \
    { echo c; echo d; } && \
    echo e
