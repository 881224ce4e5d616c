FROM debian:bookworm
RUN [ -f /etc/debian_version ] || exit 1
RUN case "$(uname -m)" in x86_64|aarch64) ;; *) echo unsupported >&2; exit 2 ;; esac && echo ok
RUN test -d /opt || exit 256
RUN test -d /srv || exit "$CODE"
RUN echo end
