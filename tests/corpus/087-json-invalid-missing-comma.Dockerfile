FROM alpine:3.19
CMD ["echo" "no comma between elements"]
ENTRYPOINT [echo, unquoted]
RUN [ "echo", 'mixed quotes' ]
