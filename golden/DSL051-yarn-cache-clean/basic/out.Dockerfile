FROM node:20
RUN yarn install --frozen-lockfile && yarn cache clean
RUN yarn && yarn cache clean
RUN yarn --production --frozen-lockfile && yarn build && yarn cache clean
RUN yarn global add serve && yarn cache clean
RUN yarn add left-pad && yarn cache clean
