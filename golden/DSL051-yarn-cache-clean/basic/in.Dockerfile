FROM node:20
RUN yarn install --frozen-lockfile
RUN yarn
RUN yarn --production --frozen-lockfile && yarn build
RUN yarn global add serve
RUN yarn add left-pad
