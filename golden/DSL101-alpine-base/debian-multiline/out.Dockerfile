FROM alpine:3.20
RUN apk add --no-cache jq bash
COPY data.json /data.json
CMD ["jq", ".", "/data.json"]
