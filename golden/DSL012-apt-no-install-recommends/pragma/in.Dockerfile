FROM debian:bookworm
# dslim-rewrite ignore=DSL012
RUN apt-get update && apt-get install -y libpq5
RUN apt-get update && apt-get install -y libpq-dev
