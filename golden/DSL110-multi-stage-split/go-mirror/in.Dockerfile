FROM mirror.example.com/library/golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /out/tool .
ENTRYPOINT ["/out/tool"]
