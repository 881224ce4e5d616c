# escape=\
FROM alpine:3.19
RUN echo explicit default escape \
    && echo continues
