FROM debian:bookworm
RUN (cd /usr/src && make)
RUN echo "$(cd /tmp && pwd)"
RUN pwd
