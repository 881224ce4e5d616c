FROM node:20-alpine AS modules
WORKDIR /build
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile --network-timeout 600000

FROM node:20-alpine AS compile
WORKDIR /build
COPY --from=modules /build/node_modules ./node_modules
COPY tsconfig.json vite.config.ts index.html ./
COPY src ./src
COPY public ./public
ENV VITE_API_BASE /api
RUN yarn build && yarn cache clean

FROM node:20-alpine AS serve
WORKDIR /srv
RUN yarn global add serve@14
COPY --from=compile /build/dist ./dist
RUN addgroup -g 2000 web && adduser -D -u 2000 -G web web
USER web
EXPOSE 4173
CMD ["serve", "-s", "dist", "-l", "4173"]
