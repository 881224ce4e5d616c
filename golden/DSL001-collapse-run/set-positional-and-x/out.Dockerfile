FROM debian:bookworm
RUN ( set -- a b && echo "$#" ) && \
    echo "$#" && \
    { set -o errexit; false; echo never; }
RUN echo z
