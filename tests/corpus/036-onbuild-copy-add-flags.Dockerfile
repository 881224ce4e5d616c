FROM golang:1.22 AS template
ONBUILD ARG TARGETOS TARGETARCH
ONBUILD COPY --chown=nonroot:nonroot go.mod go.sum /src/
ONBUILD ADD --chmod=644 config.yaml /etc/app/
ONBUILD RUN --mount=type=cache,target=/go/pkg/mod cd /src && go mod download
ONBUILD WORKDIR /src
ONBUILD USER nonroot
ONBUILD LABEL template=go
ONBUILD VOLUME /data
ONBUILD STOPSIGNAL SIGTERM
ONBUILD HEALTHCHECK --interval=5s CMD ["/bin/true"]
ONBUILD SHELL ["/bin/bash", "-c"]
ONBUILD ENTRYPOINT ["/usr/local/bin/app"]
