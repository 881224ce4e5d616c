FROM debian:bookworm
WORKDIR /src
COPY . .
RUN apt-get update && apt-get install -y build-essential && make && make install
