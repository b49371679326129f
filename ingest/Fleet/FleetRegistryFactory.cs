using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Core.Fleet;

namespace Telemetry.Ingest.Fleet;

/// <summary>Loads the registry file named by <see cref="FleetOptions.Path"/>; a broken file throws with every key at fault.</summary>
internal static class FleetRegistryFactory
{
    public static FleetRegistry Load(IOptions<FleetOptions> options, IHostEnvironment environment, ILogger logger)
    {
        var path = Resolve(options.Value.Path, environment.ContentRootPath);
        var registry = FleetRegistryLoader.LoadFile(path);
        logger.LogInformation(
            "Fleet registry {Name} loaded from {Path}: {Counties} counties, {Villages} villages, {Stations} stations, {Barns} barns",
            registry.Name, path, registry.Counties.Count, registry.Villages.Count, registry.Stations.Count, registry.Barns.Count);
        return registry;
    }

    public static string Resolve(string path, string contentRoot)
    {
        if (System.IO.Path.IsPathRooted(path))
        {
            return path;
        }

        string[] candidates =
        [
            System.IO.Path.Combine(contentRoot, path),
            System.IO.Path.GetFullPath(path),
            System.IO.Path.Combine(AppContext.BaseDirectory, path),
        ];
        return candidates.FirstOrDefault(System.IO.File.Exists) ?? candidates[0];
    }
}
