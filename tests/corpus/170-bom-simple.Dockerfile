FROM alpine:3.19
RUN echo "this file starts with a UTF-8 byte order mark"
CMD ["sh"]
