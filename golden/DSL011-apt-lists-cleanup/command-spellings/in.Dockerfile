FROM debian:bookworm
RUN /usr/bin/apt-get update && /usr/bin/apt-get install -y curl
RUN DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata
RUN apt-get -qq update && apt-get -qq install curl
RUN apt-get -o Acquire::Retries=3 update && apt-get install -y git
RUN env DEBIAN_FRONTEND=noninteractive apt-get update && apt-get install -y jq
