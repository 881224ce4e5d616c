FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
CMD ["C:\\app\\server.exe", "--config", "C:\\app\\config.json"]
ENTRYPOINT ["cmd", "/S", "/C"]
