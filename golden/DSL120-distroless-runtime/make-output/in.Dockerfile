FROM gcc:12 AS build
WORKDIR /src
COPY . .
RUN make

FROM debian:bookworm-slim
COPY --from=build /src/hello /hello
CMD ["/hello"]
