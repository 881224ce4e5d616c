FROM alpine:3.19
CMD [ "echo" , "spaced" ]
ENTRYPOINT      ["/bin/sh","-c"]
RUN [	"echo", "tab inside brackets"	]
VOLUME [ "/one" ,"/two"]
