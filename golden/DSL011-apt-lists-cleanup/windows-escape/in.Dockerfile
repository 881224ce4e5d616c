# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN apt-get update && apt-get install -y curl
