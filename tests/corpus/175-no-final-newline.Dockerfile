FROM alpine:3.19
RUN echo no newline at the end of this file
CMD ["echo", "last"]