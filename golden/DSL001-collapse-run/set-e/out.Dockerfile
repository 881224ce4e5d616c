FROM debian:bookworm
RUN echo start && \
    ( set -eux && apt-get update ) && \
    { set -e; mkdir /a; touch /a/b; }
RUN echo after && \
    ( set -x ) && \
    echo last
