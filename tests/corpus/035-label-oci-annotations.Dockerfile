FROM gcr.io/distroless/static-debian12:nonroot
ARG BUILD_DATE
ARG VCS_REF
ARG VERSION=dev
LABEL org.opencontainers.image.created=$BUILD_DATE \
      org.opencontainers.image.revision=$VCS_REF \
      org.opencontainers.image.version=$VERSION \
      org.opencontainers.image.source="https://git.example.com/org/project" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.authors="Platform Team <platform@example.com>"
COPY app /app
ENTRYPOINT ["/app"]
