FROM gcc:13 AS build
RUN apt-get update && apt-get install -y cmake libboost-program-options-dev
COPY . /usr/src/raytracer
WORKDIR /usr/src/raytracer
RUN mkdir build
WORKDIR build
RUN cmake .. -DCMAKE_BUILD_TYPE=Release
RUN make -j"$(nproc)"
RUN ctest --output-on-failure

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libboost-program-options1.74.0 && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/src/raytracer/build/raytracer /usr/local/bin/
ENTRYPOINT ["raytracer"]
CMD ["--width", "800", "--height", "600"]
