FROM debian:bookworm-slim
RUN --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    rm -f /etc/apt/apt.conf.d/docker-clean && \
    apt-get update && apt-get install -y curl
RUN --network=host \
    --mount=type=cache,target=/root/.cache/pip \
    pip install x
ONBUILD RUN pip install --no-cache-dir -r /app/requirements.txt
