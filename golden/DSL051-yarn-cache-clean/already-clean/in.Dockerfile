# syntax=docker/dockerfile:1
FROM node:20
RUN yarn install && yarn cache clean
RUN yarn install && rm -rf /usr/local/share/.cache/yarn
RUN yarn install --cache-folder /tmp/yc
RUN YARN_CACHE_FOLDER=/tmp/yc yarn install
RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install
RUN yarn build
RUN yarn run test
