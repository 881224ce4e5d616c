# syntax=docker/dockerfile:1.7
# Monorepo image: one build stage per service, one final stage per runtime.
ARG GO_VERSION=1.22
ARG NODE_VERSION=20
ARG PYTHON_VERSION=3.12
ARG ALPINE_VERSION=3.19
ARG REGISTRY=registry.example.com

FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS go-base
RUN apk add --no-cache git make
WORKDIR /src
COPY go.work go.work.sum ./

FROM node:${NODE_VERSION}-alpine AS node-base
RUN corepack enable
WORKDIR /src

FROM python:${PYTHON_VERSION}-slim AS py-base
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /src

# ---------------------------------------------------------------
# service: accounts (go)
# ---------------------------------------------------------------
FROM go-base AS build-accounts
ARG TARGETOS TARGETARCH
COPY services/accounts/go.mod services/accounts/go.sum ./services/accounts/
RUN --mount=type=cache,target=/go/pkg/mod \
    cd services/accounts && go mod download
COPY services/accounts/ ./services/accounts/
COPY libs/go/ ./libs/go/
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    cd services/accounts \
    && CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
       go build -trimpath -ldflags="-s -w -X main.service=accounts" \
       -o /out/accounts ./cmd/accounts

FROM alpine:${ALPINE_VERSION} AS accounts
RUN apk add --no-cache ca-certificates tzdata \
    && addgroup -S svc && adduser -S -G svc svc
COPY --from=build-accounts /out/accounts /usr/local/bin/accounts
USER svc
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/accounts", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/accounts"]

# ---------------------------------------------------------------
# service: billing (node)
# ---------------------------------------------------------------
FROM node-base AS build-billing
COPY services/billing/package.json services/billing/pnpm-lock.yaml ./services/billing/
RUN --mount=type=cache,id=pnpm,target=/root/.local/share/pnpm/store \
    cd services/billing && pnpm install --frozen-lockfile
COPY services/billing/ ./services/billing/
RUN cd services/billing \
    && pnpm run build \
    && pnpm prune --prod

FROM node:${NODE_VERSION}-alpine AS billing
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build-billing --chown=node:node /src/services/billing/dist ./dist
COPY --from=build-billing --chown=node:node /src/services/billing/node_modules ./node_modules
USER node
EXPOSE 8001
CMD ["node", "dist/main.js"]

# ---------------------------------------------------------------
# service: catalog (py)
# ---------------------------------------------------------------
FROM py-base AS build-catalog
COPY services/catalog/requirements.txt ./services/catalog/
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m venv /venv \
    && /venv/bin/pip install -r services/catalog/requirements.txt
COPY services/catalog/ ./services/catalog/

FROM python:${PYTHON_VERSION}-slim AS catalog
COPY --from=build-catalog /venv /venv
COPY --from=build-catalog /src/services/catalog /app
ENV PATH=/venv/bin:$PATH
WORKDIR /app
USER nobody
EXPOSE 8002
CMD ["python", "-m", "catalog"]

# ---------------------------------------------------------------
# service: checkout (go)
# ---------------------------------------------------------------
FROM go-base AS build-checkout
ARG TARGETOS TARGETARCH
COPY services/checkout/go.mod services/checkout/go.sum ./services/checkout/
RUN --mount=type=cache,target=/go/pkg/mod \
    cd services/checkout && go mod download
COPY services/checkout/ ./services/checkout/
COPY libs/go/ ./libs/go/
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    cd services/checkout \
    && CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
       go build -trimpath -ldflags="-s -w -X main.service=checkout" \
       -o /out/checkout ./cmd/checkout

FROM alpine:${ALPINE_VERSION} AS checkout
RUN apk add --no-cache ca-certificates tzdata \
    && addgroup -S svc && adduser -S -G svc svc
COPY --from=build-checkout /out/checkout /usr/local/bin/checkout
USER svc
EXPOSE 8003
HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/checkout", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/checkout"]

# ---------------------------------------------------------------
# service: search (node)
# ---------------------------------------------------------------
FROM node-base AS build-search
COPY services/search/package.json services/search/pnpm-lock.yaml ./services/search/
RUN --mount=type=cache,id=pnpm,target=/root/.local/share/pnpm/store \
    cd services/search && pnpm install --frozen-lockfile
COPY services/search/ ./services/search/
RUN cd services/search \
    && pnpm run build \
    && pnpm prune --prod

FROM node:${NODE_VERSION}-alpine AS search
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build-search --chown=node:node /src/services/search/dist ./dist
COPY --from=build-search --chown=node:node /src/services/search/node_modules ./node_modules
USER node
EXPOSE 8004
CMD ["node", "dist/main.js"]

# ---------------------------------------------------------------
# service: inventory (py)
# ---------------------------------------------------------------
FROM py-base AS build-inventory
COPY services/inventory/requirements.txt ./services/inventory/
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m venv /venv \
    && /venv/bin/pip install -r services/inventory/requirements.txt
COPY services/inventory/ ./services/inventory/

FROM python:${PYTHON_VERSION}-slim AS inventory
COPY --from=build-inventory /venv /venv
COPY --from=build-inventory /src/services/inventory /app
ENV PATH=/venv/bin:$PATH
WORKDIR /app
USER nobody
EXPOSE 8005
CMD ["python", "-m", "inventory"]

# ---------------------------------------------------------------
# service: notifications (go)
# ---------------------------------------------------------------
FROM go-base AS build-notifications
ARG TARGETOS TARGETARCH
COPY services/notifications/go.mod services/notifications/go.sum ./services/notifications/
RUN --mount=type=cache,target=/go/pkg/mod \
    cd services/notifications && go mod download
COPY services/notifications/ ./services/notifications/
COPY libs/go/ ./libs/go/
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    cd services/notifications \
    && CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
       go build -trimpath -ldflags="-s -w -X main.service=notifications" \
       -o /out/notifications ./cmd/notifications

FROM alpine:${ALPINE_VERSION} AS notifications
RUN apk add --no-cache ca-certificates tzdata \
    && addgroup -S svc && adduser -S -G svc svc
COPY --from=build-notifications /out/notifications /usr/local/bin/notifications
USER svc
EXPOSE 8006
HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/notifications", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/notifications"]

# ---------------------------------------------------------------
# service: payments (node)
# ---------------------------------------------------------------
FROM node-base AS build-payments
COPY services/payments/package.json services/payments/pnpm-lock.yaml ./services/payments/
RUN --mount=type=cache,id=pnpm,target=/root/.local/share/pnpm/store \
    cd services/payments && pnpm install --frozen-lockfile
COPY services/payments/ ./services/payments/
RUN cd services/payments \
    && pnpm run build \
    && pnpm prune --prod

FROM node:${NODE_VERSION}-alpine AS payments
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build-payments --chown=node:node /src/services/payments/dist ./dist
COPY --from=build-payments --chown=node:node /src/services/payments/node_modules ./node_modules
USER node
EXPOSE 8007
CMD ["node", "dist/main.js"]

# ---------------------------------------------------------------
# service: ratings (py)
# ---------------------------------------------------------------
FROM py-base AS build-ratings
COPY services/ratings/requirements.txt ./services/ratings/
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m venv /venv \
    && /venv/bin/pip install -r services/ratings/requirements.txt
COPY services/ratings/ ./services/ratings/

FROM python:${PYTHON_VERSION}-slim AS ratings
COPY --from=build-ratings /venv /venv
COPY --from=build-ratings /src/services/ratings /app
ENV PATH=/venv/bin:$PATH
WORKDIR /app
USER nobody
EXPOSE 8008
CMD ["python", "-m", "ratings"]

# ---------------------------------------------------------------
# service: recommendations (go)
# ---------------------------------------------------------------
FROM go-base AS build-recommendations
ARG TARGETOS TARGETARCH
COPY services/recommendations/go.mod services/recommendations/go.sum ./services/recommendations/
RUN --mount=type=cache,target=/go/pkg/mod \
    cd services/recommendations && go mod download
COPY services/recommendations/ ./services/recommendations/
COPY libs/go/ ./libs/go/
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    cd services/recommendations \
    && CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
       go build -trimpath -ldflags="-s -w -X main.service=recommendations" \
       -o /out/recommendations ./cmd/recommendations

FROM alpine:${ALPINE_VERSION} AS recommendations
RUN apk add --no-cache ca-certificates tzdata \
    && addgroup -S svc && adduser -S -G svc svc
COPY --from=build-recommendations /out/recommendations /usr/local/bin/recommendations
USER svc
EXPOSE 8009
HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/recommendations", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/recommendations"]

# ---------------------------------------------------------------
# service: shipping (node)
# ---------------------------------------------------------------
FROM node-base AS build-shipping
COPY services/shipping/package.json services/shipping/pnpm-lock.yaml ./services/shipping/
RUN --mount=type=cache,id=pnpm,target=/root/.local/share/pnpm/store \
    cd services/shipping && pnpm install --frozen-lockfile
COPY services/shipping/ ./services/shipping/
RUN cd services/shipping \
    && pnpm run build \
    && pnpm prune --prod

FROM node:${NODE_VERSION}-alpine AS shipping
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build-shipping --chown=node:node /src/services/shipping/dist ./dist
COPY --from=build-shipping --chown=node:node /src/services/shipping/node_modules ./node_modules
USER node
EXPOSE 8010
CMD ["node", "dist/main.js"]

# ---------------------------------------------------------------
# service: auth (py)
# ---------------------------------------------------------------
FROM py-base AS build-auth
COPY services/auth/requirements.txt ./services/auth/
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m venv /venv \
    && /venv/bin/pip install -r services/auth/requirements.txt
COPY services/auth/ ./services/auth/

FROM python:${PYTHON_VERSION}-slim AS auth
COPY --from=build-auth /venv /venv
COPY --from=build-auth /src/services/auth /app
ENV PATH=/venv/bin:$PATH
WORKDIR /app
USER nobody
EXPOSE 8011
CMD ["python", "-m", "auth"]

# ---------------------------------------------------------------
# service: gateway (go)
# ---------------------------------------------------------------
FROM go-base AS build-gateway
ARG TARGETOS TARGETARCH
COPY services/gateway/go.mod services/gateway/go.sum ./services/gateway/
RUN --mount=type=cache,target=/go/pkg/mod \
    cd services/gateway && go mod download
COPY services/gateway/ ./services/gateway/
COPY libs/go/ ./libs/go/
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    cd services/gateway \
    && CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
       go build -trimpath -ldflags="-s -w -X main.service=gateway" \
       -o /out/gateway ./cmd/gateway

FROM alpine:${ALPINE_VERSION} AS gateway
RUN apk add --no-cache ca-certificates tzdata \
    && addgroup -S svc && adduser -S -G svc svc
COPY --from=build-gateway /out/gateway /usr/local/bin/gateway
USER svc
EXPOSE 8012
HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/gateway", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/gateway"]

# ---------------------------------------------------------------
# service: reports (node)
# ---------------------------------------------------------------
FROM node-base AS build-reports
COPY services/reports/package.json services/reports/pnpm-lock.yaml ./services/reports/
RUN --mount=type=cache,id=pnpm,target=/root/.local/share/pnpm/store \
    cd services/reports && pnpm install --frozen-lockfile
COPY services/reports/ ./services/reports/
RUN cd services/reports \
    && pnpm run build \
    && pnpm prune --prod

FROM node:${NODE_VERSION}-alpine AS reports
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build-reports --chown=node:node /src/services/reports/dist ./dist
COPY --from=build-reports --chown=node:node /src/services/reports/node_modules ./node_modules
USER node
EXPOSE 8013
CMD ["node", "dist/main.js"]

# ---------------------------------------------------------------
# service: audit (py)
# ---------------------------------------------------------------
FROM py-base AS build-audit
COPY services/audit/requirements.txt ./services/audit/
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m venv /venv \
    && /venv/bin/pip install -r services/audit/requirements.txt
COPY services/audit/ ./services/audit/

FROM python:${PYTHON_VERSION}-slim AS audit
COPY --from=build-audit /venv /venv
COPY --from=build-audit /src/services/audit /app
ENV PATH=/venv/bin:$PATH
WORKDIR /app
USER nobody
EXPOSE 8014
CMD ["python", "-m", "audit"]

# ---------------------------------------------------------------
# service: media (go)
# ---------------------------------------------------------------
FROM go-base AS build-media
ARG TARGETOS TARGETARCH
COPY services/media/go.mod services/media/go.sum ./services/media/
RUN --mount=type=cache,target=/go/pkg/mod \
    cd services/media && go mod download
COPY services/media/ ./services/media/
COPY libs/go/ ./libs/go/
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    cd services/media \
    && CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
       go build -trimpath -ldflags="-s -w -X main.service=media" \
       -o /out/media ./cmd/media

FROM alpine:${ALPINE_VERSION} AS media
RUN apk add --no-cache ca-certificates tzdata \
    && addgroup -S svc && adduser -S -G svc svc
COPY --from=build-media /out/media /usr/local/bin/media
USER svc
EXPOSE 8015
HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/media", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/media"]

# ---------------------------------------------------------------
# service: profiles (node)
# ---------------------------------------------------------------
FROM node-base AS build-profiles
COPY services/profiles/package.json services/profiles/pnpm-lock.yaml ./services/profiles/
RUN --mount=type=cache,id=pnpm,target=/root/.local/share/pnpm/store \
    cd services/profiles && pnpm install --frozen-lockfile
COPY services/profiles/ ./services/profiles/
RUN cd services/profiles \
    && pnpm run build \
    && pnpm prune --prod

FROM node:${NODE_VERSION}-alpine AS profiles
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build-profiles --chown=node:node /src/services/profiles/dist ./dist
COPY --from=build-profiles --chown=node:node /src/services/profiles/node_modules ./node_modules
USER node
EXPOSE 8016
CMD ["node", "dist/main.js"]

# ---------------------------------------------------------------
# service: orders (py)
# ---------------------------------------------------------------
FROM py-base AS build-orders
COPY services/orders/requirements.txt ./services/orders/
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m venv /venv \
    && /venv/bin/pip install -r services/orders/requirements.txt
COPY services/orders/ ./services/orders/

FROM python:${PYTHON_VERSION}-slim AS orders
COPY --from=build-orders /venv /venv
COPY --from=build-orders /src/services/orders /app
ENV PATH=/venv/bin:$PATH
WORKDIR /app
USER nobody
EXPOSE 8017
CMD ["python", "-m", "orders"]

# ---------------------------------------------------------------
# service: pricing (go)
# ---------------------------------------------------------------
FROM go-base AS build-pricing
ARG TARGETOS TARGETARCH
COPY services/pricing/go.mod services/pricing/go.sum ./services/pricing/
RUN --mount=type=cache,target=/go/pkg/mod \
    cd services/pricing && go mod download
COPY services/pricing/ ./services/pricing/
COPY libs/go/ ./libs/go/
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    cd services/pricing \
    && CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
       go build -trimpath -ldflags="-s -w -X main.service=pricing" \
       -o /out/pricing ./cmd/pricing

FROM alpine:${ALPINE_VERSION} AS pricing
RUN apk add --no-cache ca-certificates tzdata \
    && addgroup -S svc && adduser -S -G svc svc
COPY --from=build-pricing /out/pricing /usr/local/bin/pricing
USER svc
EXPOSE 8018
HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/pricing", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/pricing"]

# ---------------------------------------------------------------
# service: tax (node)
# ---------------------------------------------------------------
FROM node-base AS build-tax
COPY services/tax/package.json services/tax/pnpm-lock.yaml ./services/tax/
RUN --mount=type=cache,id=pnpm,target=/root/.local/share/pnpm/store \
    cd services/tax && pnpm install --frozen-lockfile
COPY services/tax/ ./services/tax/
RUN cd services/tax \
    && pnpm run build \
    && pnpm prune --prod

FROM node:${NODE_VERSION}-alpine AS tax
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build-tax --chown=node:node /src/services/tax/dist ./dist
COPY --from=build-tax --chown=node:node /src/services/tax/node_modules ./node_modules
USER node
EXPOSE 8019
CMD ["node", "dist/main.js"]

# ---------------------------------------------------------------
# service: wishlist (py)
# ---------------------------------------------------------------
FROM py-base AS build-wishlist
COPY services/wishlist/requirements.txt ./services/wishlist/
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m venv /venv \
    && /venv/bin/pip install -r services/wishlist/requirements.txt
COPY services/wishlist/ ./services/wishlist/

FROM python:${PYTHON_VERSION}-slim AS wishlist
COPY --from=build-wishlist /venv /venv
COPY --from=build-wishlist /src/services/wishlist /app
ENV PATH=/venv/bin:$PATH
WORKDIR /app
USER nobody
EXPOSE 8020
CMD ["python", "-m", "wishlist"]

# ---------------------------------------------------------------
# service: sessions (go)
# ---------------------------------------------------------------
FROM go-base AS build-sessions
ARG TARGETOS TARGETARCH
COPY services/sessions/go.mod services/sessions/go.sum ./services/sessions/
RUN --mount=type=cache,target=/go/pkg/mod \
    cd services/sessions && go mod download
COPY services/sessions/ ./services/sessions/
COPY libs/go/ ./libs/go/
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    cd services/sessions \
    && CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
       go build -trimpath -ldflags="-s -w -X main.service=sessions" \
       -o /out/sessions ./cmd/sessions

FROM alpine:${ALPINE_VERSION} AS sessions
RUN apk add --no-cache ca-certificates tzdata \
    && addgroup -S svc && adduser -S -G svc svc
COPY --from=build-sessions /out/sessions /usr/local/bin/sessions
USER svc
EXPOSE 8021
HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/sessions", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/sessions"]

# ---------------------------------------------------------------
# service: exports (node)
# ---------------------------------------------------------------
FROM node-base AS build-exports
COPY services/exports/package.json services/exports/pnpm-lock.yaml ./services/exports/
RUN --mount=type=cache,id=pnpm,target=/root/.local/share/pnpm/store \
    cd services/exports && pnpm install --frozen-lockfile
COPY services/exports/ ./services/exports/
RUN cd services/exports \
    && pnpm run build \
    && pnpm prune --prod

FROM node:${NODE_VERSION}-alpine AS exports
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build-exports --chown=node:node /src/services/exports/dist ./dist
COPY --from=build-exports --chown=node:node /src/services/exports/node_modules ./node_modules
USER node
EXPOSE 8022
CMD ["node", "dist/main.js"]

# ---------------------------------------------------------------
# service: imports (py)
# ---------------------------------------------------------------
FROM py-base AS build-imports
COPY services/imports/requirements.txt ./services/imports/
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m venv /venv \
    && /venv/bin/pip install -r services/imports/requirements.txt
COPY services/imports/ ./services/imports/

FROM python:${PYTHON_VERSION}-slim AS imports
COPY --from=build-imports /venv /venv
COPY --from=build-imports /src/services/imports /app
ENV PATH=/venv/bin:$PATH
WORKDIR /app
USER nobody
EXPOSE 8023
CMD ["python", "-m", "imports"]

# Aggregate stage used by integration tests.
FROM alpine:${ALPINE_VERSION} AS all-binaries
COPY --from=build-accounts /out/accounts /bin/accounts
COPY --from=build-checkout /out/checkout /bin/checkout
COPY --from=build-notifications /out/notifications /bin/notifications
COPY --from=build-recommendations /out/recommendations /bin/recommendations
COPY --from=build-gateway /out/gateway /bin/gateway
COPY --from=build-media /out/media /bin/media
COPY --from=build-pricing /out/pricing /bin/pricing
COPY --from=build-sessions /out/sessions /bin/sessions
RUN ls -l /bin
