namespace Telemetry.Portal;

/// <summary>Marker for the portal's strings: <c>Resources/SharedResource.resx</c> (English) and <c>.zh-CN.resx</c>.</summary>
public sealed class SharedResource;
