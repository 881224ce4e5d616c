# syntax=docker/dockerfile:1
FROM busybox:1.36
ADD <<EOF /etc/motd
Welcome to the container.
Please behave.
EOF
ADD --chmod=0600 <<KEY /root/.config/token
not-a-real-token
KEY
