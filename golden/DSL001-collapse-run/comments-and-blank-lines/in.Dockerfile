FROM debian:bookworm
# refresh the package index
RUN apt-get update

# the compiler, then clean up
    # (indented comment)
RUN apt-get install -y gcc


RUN gcc --version
