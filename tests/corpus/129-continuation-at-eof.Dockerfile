FROM alpine:3.19
RUN echo the file ends in the middle of a continuation \
    && echo last line \