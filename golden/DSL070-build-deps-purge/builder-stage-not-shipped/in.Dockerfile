FROM debian:bookworm AS build
WORKDIR /src
COPY . .
RUN apt-get update && apt-get install -y build-essential && make

FROM debian:bookworm-slim
COPY --from=build /src/hello /usr/local/bin/hello
CMD ["hello"]
