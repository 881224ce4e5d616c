FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3-pip
# dslim-rewrite ignore=DSL080
RUN apt-get update && apt-get install -y --no-install-recommends gcc
RUN pip install --break-system-packages --no-cache-dir psutil
