FROM debian:bookworm
RUN echo a
# dslim-rewrite ignore=DSL010

RUN echo b
