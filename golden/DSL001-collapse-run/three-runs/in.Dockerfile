FROM alpine:3.20
RUN apk add --no-cache git
RUN git --version
RUN mkdir -p /srv/app
CMD ["sh"]
