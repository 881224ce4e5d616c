# escape=`
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
USER ContainerAdministrator
ENV APP_HOME=C:\Program` Files\App
WORKDIR C:\Users\Public
RUN mkdir "C:\Program Files\App" && `
    echo configured > "C:\Program Files\App\state.txt"
ADD https://example.com/app.zip C:\Temp\app.zip
COPY ["config\app settings.json", "C:\\Program Files\\App\\"]
VOLUME C:\data
USER ContainerUser
CMD ["cmd", "/c", "type", "C:\\Program Files\\App\\state.txt"]
