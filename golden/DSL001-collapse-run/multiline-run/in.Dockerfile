FROM debian:bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
        curl \
        git
RUN git config --system init.defaultBranch main \
 && git --version
