namespace Telemetry.Portal.Tests.Browser;

/// <summary>The tests that need the real host share one: starting it (broker, SQLite, Kestrel) takes seconds.</summary>
[CollectionDefinition(Name)]
public sealed class PortalHostCollection : ICollectionFixture<PortalServerFixture>
{
    public const string Name = "portal host";
}
