FROM alpine:3.19
RUN [ -f /etc/alpine-release ] && echo "shell test brackets are not JSON"
RUN [ "$(id -u)" = "0" ] || exit 0
RUN [[ -n "$HOME" ]] 2>/dev/null || true
CMD [ -d /tmp ] && echo dir || echo nodir
