FROM debian:bookworm-slim
RUN --mount=type=secret,id=netrc,target=/root/.netrc apt-get update && apt-get install -y curl
RUN --network=host \
    pip install --no-cache-dir x
ONBUILD RUN pip install --no-cache-dir -r /app/requirements.txt
