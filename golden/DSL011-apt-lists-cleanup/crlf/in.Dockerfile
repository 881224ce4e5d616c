FROM debian:bookworm
RUN apt-get update \
    && apt-get install -y \
# comment line inside
        curl
RUN apt-get update && apt-get install -y git
CMD ["curl"]
