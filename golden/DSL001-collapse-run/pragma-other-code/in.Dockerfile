FROM debian:bookworm
RUN apt-get update
# dslim-rewrite ignore=DSL010
RUN apt-get install curl
RUN echo a
RUN echo b
