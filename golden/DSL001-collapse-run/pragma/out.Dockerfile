FROM debian:bookworm
RUN echo a && \
    echo b
# dslim-rewrite ignore=DSL001
RUN echo c
RUN echo d && \
    echo e
