FROM debian:bookworm
# dslim-rewrite ignore=DSL010
RUN apt-get install curl
RUN apt-get install -y git
