# escape=`
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
CMD ["cmd.exe", "/c", "echo", "C:\\Windows"]
ENTRYPOINT ["C:\\tools\\bin\\run.exe", `
            "--flag"]
RUN ["cmd", "/S", "/C", "dir C:\\"]
