# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN [Environment]::SetEnvironmentVariable('Path', $env:Path + ';C:\tools', 'Machine'); `
    New-Item -ItemType Directory C:\tools | Out-Null
COPY tools\ C:\tools\
WORKDIR C:\tools
CMD ["powershell", "-NoExit"]
