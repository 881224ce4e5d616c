FROM alpine:3.15
RUN apk update
RUN apk upgrade
RUN apk add bash
RUN apk add curl git openssh
RUN apk add --update python3 py3-pip
RUN pip3 install awscli
RUN mkdir /scripts
ADD scripts/* /scripts/
RUN chmod +x /scripts/*
ENTRYPOINT /scripts/entry.sh
