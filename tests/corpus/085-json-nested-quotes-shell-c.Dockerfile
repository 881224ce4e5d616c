FROM alpine:3.19
CMD ["/bin/sh", "-c", "trap 'echo bye' TERM; while true; do echo \"tick $(date)\"; sleep 5; done"]
ENTRYPOINT ["/bin/sh", "-c", "exec \"$0\" \"$@\"", "/usr/local/bin/app"]
