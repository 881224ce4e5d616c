FROM golang:1.22 AS build
WORKDIR /src
RUN go build -o /out/tool .

FROM --platform=linux/amd64 docker.io/library/python:3.11 AS final
COPY --from=build /out/tool /usr/local/bin/tool
COPY main.py /main.py
CMD ["python", "/main.py"]
