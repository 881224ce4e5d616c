ARG REGISTRY=docker.io
ARG NAMESPACE=library
ARG IMAGE=python
ARG TAG=3.12-slim
ARG VARIANT
FROM ${REGISTRY}/${NAMESPACE}/${IMAGE}:${TAG}${VARIANT:+-$VARIANT} AS runtime
FROM $REGISTRY/$NAMESPACE/$IMAGE:$TAG
COPY --from=runtime /usr/local/bin/python3 /usr/local/bin/python3-copy
