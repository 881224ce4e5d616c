FROM debian:bookworm
RUN if [ -f /etc/debian_version ]; then echo debian; fi && \
    ( for p in curl git; do echo "$p"; done ) && \
    case "$(uname -m)" in x86_64) echo amd64;; *) echo other;; esac && \
    while false; do :; done
