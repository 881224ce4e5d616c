FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libssl-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY main.c .
RUN gcc -O2 -o /usr/local/bin/hash main.c -lcrypto
ENTRYPOINT ["/usr/local/bin/hash"]
