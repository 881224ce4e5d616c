FROM alpine:3.19
RUN addgroup -S app && adduser -S -G app app
USER app
USER app:app
USER 1000
USER 1000:1000
ARG RUNTIME_UID=10001
USER ${RUNTIME_UID}
