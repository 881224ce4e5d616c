# escape=`
FROM mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2022 AS build
SHELL ["powershell", "-NoProfile", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\src
COPY *.sln .
COPY WebApp\*.csproj .\WebApp\
RUN nuget restore
COPY . .
RUN msbuild /p:Configuration=Release /p:OutputPath=C:\out `
    /p:DeployOnBuild=true /p:PublishProfile=FolderProfile

FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022
SHELL ["powershell", "-Command"]
RUN Remove-Website -Name 'Default Web Site'; `
    New-Website -Name 'webapp' -Port 80 -PhysicalPath 'C:\inetpub\webapp'
COPY --from=build C:\out\_PublishedWebsites\WebApp C:\inetpub\webapp
