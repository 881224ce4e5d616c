# escape=`
FROM debian:bookworm
SHELL ["/bin/sh", "-c"]
RUN mkdir -p C:\not\a\windows\path
RUN echo done `
    && echo twice
