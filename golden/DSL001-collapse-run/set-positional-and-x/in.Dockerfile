FROM debian:bookworm
RUN set -- a b && echo "$#"
RUN echo "$#"
RUN set -o errexit; false; echo never
RUN echo z
