FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
RUN apt-get clean && echo done
RUN apt-get update && apt-get install -y git
RUN apt-get clean; rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y jq
RUN rm -rf /var/lib/apt/lists/* /opt/app
RUN apt-get update && apt-get install -y make
RUN rm -rf var/lib/apt/lists/*
