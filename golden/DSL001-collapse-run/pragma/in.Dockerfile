FROM debian:bookworm
RUN echo a
RUN echo b
# dslim-rewrite ignore=DSL001
RUN echo c
RUN echo d
RUN echo e
