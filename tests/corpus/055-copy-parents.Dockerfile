# syntax=docker/dockerfile:1.7-labs
FROM alpine:3.19
COPY --parents ./services/*/package.json /app/
COPY --parents=true ./libs/**/go.mod /src/
COPY --parents --chown=1000:1000 ./a/./b/c.txt /dst/
