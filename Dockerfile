# One image for every role of the service; the command picks the role (portal host or simulators).
ARG DOTNET_SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.100
ARG DOTNET_ASPNET_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0.0

FROM ${DOTNET_SDK_IMAGE} AS build
WORKDIR /src
COPY . .
RUN dotnet publish portal/Telemetry.Portal.csproj -c Release -o /app/portal \
 && dotnet publish simulators/Telemetry.Simulators.csproj -c Release -o /app/simulators

FROM ${DOTNET_ASPNET_IMAGE}
WORKDIR /app
COPY --from=build /app /app
ENV ASPNETCORE_URLS=http://+:8080 DOTNET_gcServer=0
EXPOSE 8080
ENTRYPOINT ["dotnet"]
CMD ["/app/portal/Telemetry.Portal.dll"]
