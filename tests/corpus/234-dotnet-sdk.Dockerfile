FROM mcr.microsoft.com/dotnet/sdk:8.0 AS restore
WORKDIR /repo
COPY Directory.Build.props NuGet.config ./
COPY src/Orders.Api/Orders.Api.csproj src/Orders.Api/
COPY src/Orders.Core/Orders.Core.csproj src/Orders.Core/
COPY tests/Orders.Tests/Orders.Tests.csproj tests/Orders.Tests/
RUN dotnet restore src/Orders.Api/Orders.Api.csproj \
    && dotnet restore tests/Orders.Tests/Orders.Tests.csproj

FROM restore AS verify
COPY . .
RUN dotnet test tests/Orders.Tests --no-restore --logger "console;verbosity=minimal"

FROM restore AS publish
COPY src/ src/
RUN dotnet publish src/Orders.Api -c Release -o /out --no-restore -p:InvariantGlobalization=true

FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled
WORKDIR /app
COPY --from=publish /out .
ENV ASPNETCORE_HTTP_PORTS=5080
EXPOSE 5080
ENTRYPOINT ["./Orders.Api"]
