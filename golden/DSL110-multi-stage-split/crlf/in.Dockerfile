FROM golang:1.22
WORKDIR /src
COPY . .
# build the binary
RUN go build \
    -o /out/app .
CMD ["/out/app"]
