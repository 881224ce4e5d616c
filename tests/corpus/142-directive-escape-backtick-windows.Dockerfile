# escape=`

FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
WORKDIR C:\app
COPY . C:\app\
RUN New-Item -ItemType Directory -Path C:\logs | Out-Null ; `
    Write-Host 'created C:\logs'
RUN Invoke-WebRequest -Uri https://example.com/tool.zip -OutFile C:\tool.zip ; `
    Expand-Archive C:\tool.zip -DestinationPath C:\tool ; `
    Remove-Item C:\tool.zip -Force
ENV PATH="C:\tool\bin;C:\Windows\system32;C:\Windows"
ENTRYPOINT ["C:\\app\\service.exe"]
