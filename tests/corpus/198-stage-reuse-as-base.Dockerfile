FROM node:20-alpine AS deps
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile

FROM deps AS dev
ENV NODE_ENV=development
COPY . .
CMD ["yarn", "dev"]

FROM deps AS build
COPY . .
RUN yarn build

FROM build AS test
RUN yarn test --ci

FROM nginx:alpine AS prod
COPY --from=build /app/dist /usr/share/nginx/html
