FROM alpine:3.19
ENV \
    ONE=1 \
    TWO=2 \
    THREE="three \
continued"
LABEL \
  first="a" \
  # comment in the label list
  second="b"
ARG \
  X=1 \
  Y
