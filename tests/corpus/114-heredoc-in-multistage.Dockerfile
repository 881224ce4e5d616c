# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
WORKDIR /src
COPY <<EOF go.mod
module example.com/hello

go 1.22
EOF
COPY <<EOF main.go
package main

import "fmt"

func main() {
	fmt.Println("hello from a heredoc")
}
EOF
RUN CGO_ENABLED=0 go build -o /hello .

FROM scratch
COPY --from=build /hello /hello
ENTRYPOINT ["/hello"]
