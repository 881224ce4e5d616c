FROM debian:bookworm
RUN if [ -f /etc/debian_version ]; then echo debian; fi
RUN for p in curl git; do echo "$p"; done
RUN case "$(uname -m)" in x86_64) echo amd64;; *) echo other;; esac
RUN while false; do :; done
