# escape=`
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
RUN echo "a byte order mark precedes the directive" `
    && echo continued-with-backtick
WORKDIR C:\work
