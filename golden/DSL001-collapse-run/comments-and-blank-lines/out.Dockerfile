FROM debian:bookworm
# refresh the package index
RUN apt-get update && \
# the compiler, then clean up
    # (indented comment)
    apt-get install -y gcc && \
    gcc --version
