FROM debian:bookworm
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y curl && rm -fr /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y curl && rm -r -f /var/lib/apt/lists
RUN apt-get update && apt-get install -y curl && rm --recursive --force /var/lib/apt/lists/
RUN apt-get update && apt-get install -y curl && apt-get dist-clean
RUN apt-get update && apt-get install -y curl && rm -Rf /var/lib/apt/*
RUN apt-get update && apt-get install -y curl && find /var/lib/apt/lists -type f -delete
RUN set -eux; apt-get update; apt-get install -y tini; apt-get clean; rm -rf /var/lib/apt/lists/*
