FROM alpine:3.19
RUN apk update; apk add curl; apk add jq
RUN curl -fsSL https://api.example.com/version | jq -r .latest > /latest || echo "0.0.0" > /latest
RUN which bash || apk add bash
RUN grep -q nobody /etc/passwd && echo "nobody exists"; true
RUN cat /etc/os-release | head -n 2 | tail -n 1
RUN mkdir -p /a/b/c && cd /a && ls -R | wc -l > /count; cat /count
RUN false || true && echo reached
