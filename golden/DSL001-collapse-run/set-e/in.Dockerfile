FROM debian:bookworm
RUN echo start
RUN set -eux && apt-get update
RUN set -e; mkdir /a; touch /a/b
RUN echo after
RUN set -x
RUN echo last
