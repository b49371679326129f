using System.ComponentModel.DataAnnotations;

namespace Telemetry.Revenue.Settlement;

/// <summary>The revenue module (configuration section <c>Revenue</c>).</summary>
public sealed class RevenueOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Revenue";

    /// <summary>The ledger's SQLite file; relative paths are under the content root.</summary>
    [Required]
    public string LedgerPath { get; set; } = "data/revenue.db";

    /// <summary>
    /// The allocation plans file (JSON); relative paths are tried against the content root, the working directory and the
    /// application folder. Empty: no plans (collective revenue is shown as retained).
    /// </summary>
    public string PlansPath { get; set; } = "fleet/jincheng.revenue.json";

    /// <summary>
    /// Key that publishing, corrections and subsidy batches must present in the <c>X-Revenue-Key</c> header. When empty,
    /// those endpoints are refused (reading, CSV and verification stay open).
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Whether today's energy and revenue are tracked live from the stream of stored readings.</summary>
    public bool Live { get; set; } = true;

    /// <summary>How many stations' months are read from the store at once when a statement is computed.</summary>
    [Range(1, 64)]
    public int ReadParallelism { get; set; } = 4;
}
