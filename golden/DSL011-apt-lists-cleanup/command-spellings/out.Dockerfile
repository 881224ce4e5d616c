FROM debian:bookworm
RUN /usr/bin/apt-get update && /usr/bin/apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata && rm -rf /var/lib/apt/lists/*
RUN apt-get -qq update && apt-get -qq install curl && rm -rf /var/lib/apt/lists/*
RUN apt-get -o Acquire::Retries=3 update && apt-get install -y git && rm -rf /var/lib/apt/lists/*
RUN env DEBIAN_FRONTEND=noninteractive apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*
