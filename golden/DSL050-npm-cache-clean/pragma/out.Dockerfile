FROM node:20
# dslim-rewrite ignore=DSL050
RUN npm ci
RUN npm install -g serve && npm cache clean --force
