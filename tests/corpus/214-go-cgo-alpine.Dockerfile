FROM golang:1.20-alpine3.18
RUN apk add build-base sqlite-dev
WORKDIR /go/src/app
COPY . .
RUN go get -d -v ./...
RUN go install -v ./...
RUN go test ./... ; echo "tests finished with $?"
CMD ["app"]
