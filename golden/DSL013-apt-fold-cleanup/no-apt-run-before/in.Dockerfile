FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
COPY app /app
RUN rm -rf /var/lib/apt/lists/*
RUN echo hello
RUN apt-get clean
