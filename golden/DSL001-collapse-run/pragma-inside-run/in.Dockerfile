FROM debian:bookworm
RUN echo a
RUN apt-get update \
# dslim-rewrite ignore=DSL010
    && apt-get install curl
RUN echo b
