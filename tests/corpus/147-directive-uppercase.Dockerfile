# SYNTAX=docker/dockerfile:1
# Escape=`
FROM mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022
RUN pwsh -Command Write-Output `
    'uppercase directive names are accepted'
