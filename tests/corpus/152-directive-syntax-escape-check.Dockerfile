# syntax=docker/dockerfile:1
# escape=`
# check=skip=all
FROM mcr.microsoft.com/windows/servercore:ltsc2019
SHELL ["cmd", "/S", "/C"]
RUN setx /M PATH "%PATH%;C:\tools" && `
    mkdir C:\data
COPY run.cmd C:\run.cmd
CMD C:\run.cmd
