ARG VERSION=1.0.0
ARG COMMIT
FROM alpine:3.19 AS one
ARG VERSION
ARG COMMIT=unknown
RUN echo "one: $VERSION $COMMIT" > /one.txt

FROM alpine:3.19 AS two
ARG VERSION=2.0.0-override
RUN echo "two: $VERSION" > /two.txt

FROM alpine:3.19
ARG VERSION
COPY --from=one /one.txt /
COPY --from=two /two.txt /
LABEL version=$VERSION
