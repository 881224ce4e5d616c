FROM node:20
RUN if [ -f yarn.lock ]; then yarn install; fi
RUN sudo yarn global add serve
RUN yarn install; echo ok

FROM node:20
RUN yarn install
RUN yarn install --offline
