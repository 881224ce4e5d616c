# syntax=docker/dockerfile:1
FROM alpine:3.19
ENV NAME=world
RUN <<"EOF"
echo "The variable is not expanded by the frontend: $NAME"
echo "but the shell running this script will expand it"
EOF
