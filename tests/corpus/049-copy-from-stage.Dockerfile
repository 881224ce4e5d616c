FROM node:20 AS frontend
WORKDIR /web
COPY web/ .
RUN npm ci && npm run build

FROM golang:1.22 AS backend
WORKDIR /src
COPY . .
RUN go build -o /bin/api ./cmd/api

FROM gcr.io/distroless/base-debian12
COPY --from=backend /bin/api /api
COPY --from=frontend /web/dist /static
ENTRYPOINT ["/api"]
