FROM alpine:3.19
ENV KEY=value legacy-word
