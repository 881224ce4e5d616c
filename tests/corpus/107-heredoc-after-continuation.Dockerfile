# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN apk add --no-cache jq \
    && cat <<EOF > /etc/settings.json
{"retries": 3, "verbose": true}
EOF
RUN jq . /etc/settings.json
