FROM debian:bookworm
SHELL ["/bin/bash", "-euo", "pipefail", "-c"]
RUN apt-get update
RUN cd /tmp && curl -fsSLO https://example.com/x.tgz | cat
RUN for f in a b; do touch "$f"; rm "$f"; done
RUN echo "$(date)"
RUN mkdir /x; touch /x/y
RUN echo end
