FROM gcc:12 AS build
WORKDIR /src
COPY . .
RUN make

FROM debian:bookworm-slim
WORKDIR /src
COPY --from=build /src/hello /src/hello
CMD ["./hello"]
