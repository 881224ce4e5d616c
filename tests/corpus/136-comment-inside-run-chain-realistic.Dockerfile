FROM node:20-bookworm
RUN set -ex \
    # install system dependencies
    && apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    # install global tools
    && npm install -g pnpm@9 \
    # clean up
    && apt-get purge -y --auto-remove make g++ \
    && rm -rf /var/lib/apt/lists/* /root/.npm
