FROM node:20-alpine
onbuild run npm ci
OnBuild Copy . .
ONBUILD workdir /app
ONBUILD Env NODE_ENV=production PORT=3000
ONBUILD label built.by=onbuild
ONBUILD ARG BUILD_ID
ONBUILD USER node
ONBUILD EXPOSE 3000
ONBUILD ADD https://example.com/extra.json /app/extra.json
ONBUILD RUN --mount=type=cache,target=/root/.npm npm run build
ONBUILD ENTRYPOINT ["node"]
ONBUILD CMD server.js
