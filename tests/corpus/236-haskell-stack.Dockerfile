FROM haskell:9.6 AS build
WORKDIR /opt/wordfreq
RUN cabal update
COPY wordfreq.cabal cabal.project ./
RUN cabal build --only-dependencies -j4
COPY . .
RUN cabal install --installdir=/opt/bin --install-method=copy

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y libgmp10 && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/bin/wordfreq /usr/local/bin/
ENTRYPOINT ["wordfreq"]
