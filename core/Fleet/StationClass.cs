namespace Telemetry.Core.Fleet;

/// <summary>The three classes of PV assistance station (三类帮扶光伏电站), DESIGN §1.</summary>
public enum StationClass
{
    /// <summary>国家光伏帮扶电站: catalogue stations, including joint-village plants owned by several collectives.</summary>
    National,

    /// <summary>村级分布式电站: a village collective's distributed station, typically 100–300 kWp.</summary>
    Village,

    /// <summary>脱贫户光伏电站: a household's rooftop or yard station, 3–7 kWp.</summary>
    Household,
}
