FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y tini gosu && rm -rf /var/lib/apt/lists/*
COPY entrypoint.sh /usr/local/bin/entrypoint.sh
ENTRYPOINT ["tini", "-g", "--", "/usr/local/bin/entrypoint.sh"]
CMD ["postgres", "-c", "shared_buffers=256MB", "-c", "max_connections=200"]
