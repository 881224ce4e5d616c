FROM ubuntu:22.04
RUN apt-get update && apt-get install -y curl ca-certificates
RUN curl -sSL https://get.example.sh | sh
RUN curl -fsSL https://deb.example.com/setup.sh | bash -
RUN curl https://sh.rustup.rs -sSf | sh -s -- -y --profile minimal
ENV PATH="/root/.cargo/bin:${PATH}"
RUN wget -qO- https://example.org/install.sh | bash -s -- --prefix=/usr/local --no-modify-path
