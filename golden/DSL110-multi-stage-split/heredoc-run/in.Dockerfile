FROM golang:1.22
WORKDIR /src
COPY . .
RUN <<EOT
go build -o /out/app .
EOT
CMD ["/out/app"]
