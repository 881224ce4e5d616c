FROM debian:bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        jq \
        bash \
    && rm -rf /var/lib/apt/lists/*
COPY data.json /data.json
CMD ["jq", ".", "/data.json"]
