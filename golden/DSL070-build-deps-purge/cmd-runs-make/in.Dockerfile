FROM debian:bookworm
WORKDIR /app
COPY . .
RUN apt-get update && apt-get install -y make gcc && make build
CMD ["make", "serve"]
