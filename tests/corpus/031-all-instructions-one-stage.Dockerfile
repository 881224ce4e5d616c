# syntax=docker/dockerfile:1.7
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE} AS everything
MAINTAINER corpus-author@example.invalid
LABEL org.opencontainers.image.title="everything" \
      org.opencontainers.image.description="uses each instruction at least once"
ARG APP_VERSION=0.0.1
ENV APP_VERSION=${APP_VERSION} APP_DIR=/opt/everything
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR ${APP_DIR}
ADD https://example.com/artifacts/everything-${APP_VERSION}.tar.gz /tmp/everything.tar.gz
COPY --chmod=0755 bin/ ./bin/
VOLUME ["/var/lib/everything"]
EXPOSE 7000/tcp 7001/udp
USER 65532:65532
ONBUILD COPY overrides/ ./overrides/
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=20s --timeout=3s CMD ["./bin/everything", "health"]
ENTRYPOINT ["./bin/everything"]
CMD ["serve", "--config", "/etc/everything.toml"]
