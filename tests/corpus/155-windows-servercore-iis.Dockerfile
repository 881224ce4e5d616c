# escape=`
FROM mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
RUN Install-WindowsFeature Web-Asp-Net45; `
    Import-Module WebAdministration; `
    Set-ItemProperty 'IIS:\AppPools\DefaultAppPool' -Name managedRuntimeVersion -Value 'v4.0'
RUN Remove-Item -Recurse C:\inetpub\wwwroot\*
COPY site C:\inetpub\wwwroot
EXPOSE 80
HEALTHCHECK --interval=30s CMD powershell -command `
    try { `
      $r = Invoke-WebRequest http://localhost/ -UseBasicParsing; `
      if ($r.StatusCode -eq 200) { return 0 } else { return 1 } `
    } catch { return 1 }
