FROM node:20 AS build
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
RUN npm prune --omit=dev

FROM node:20-slim
WORKDIR /usr/src/app
COPY --from=build /usr/src/app /usr/src/app
ENV PORT=3000
EXPOSE 3000
CMD ["node", "dist/server.js"]
