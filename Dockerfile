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
# Workstation GC with a 64 MiB gen0 budget (the default here is a few MiB): at ~11,000 MQTT messages/s the GC paused the
# service 12-15 % of the time with the default and 2-4 % with this (dotnet-counters, docs/benchmarks.md "End to end").
ENV ASPNETCORE_URLS=http://+:8080 DOTNET_gcServer=0 DOTNET_GCgen0size=0x4000000
EXPOSE 8080
ENTRYPOINT ["dotnet"]
CMD ["/app/portal/Telemetry.Portal.dll"]
