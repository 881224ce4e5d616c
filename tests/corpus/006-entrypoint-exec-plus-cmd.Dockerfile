FROM alpine:3.20
RUN apk add --no-cache curl
ENTRYPOINT ["curl", "--silent", "--show-error"]
CMD ["--help"]
