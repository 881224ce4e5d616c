FROM ubuntu:22.04
RUN apt-get update \
    && apt-get install -y \
       git \
       # a comment ending in CRLF
       make \

    && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
