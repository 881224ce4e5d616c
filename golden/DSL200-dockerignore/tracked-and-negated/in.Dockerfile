FROM debian:bookworm-slim
COPY . /opt/app
