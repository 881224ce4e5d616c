FROM node:20
# dslim-rewrite ignore=DSL051
RUN yarn install
RUN yarn global add serve
