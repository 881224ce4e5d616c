FROM debian:bookworm
WORKDIR /src
COPY . .
RUN apt-get update && apt-get install -y gcc make && (cd lib && make) && make install PREFIX=/opt/app
