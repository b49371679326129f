namespace Telemetry.Alerts.Detectors.Pv;

/// <summary>
/// Huawei SUN2000 alarm ids (research/domain.md §5.3, wlcrs/huawei-solar-lib register_values.py) with the rule they
/// feed and a Chinese name for the crew. Unknown codes count as inverter faults.
/// </summary>
internal static class PvFaultCodes
{
    private static readonly Dictionary<int, (PvFaultCategory Category, string Name, AlertSeverity Severity)> Known = new()
    {
        [2001] = (PvFaultCategory.Inverter, "组串输入电压高", AlertSeverity.Major),
        [2002] = (PvFaultCategory.Inverter, "直流电弧故障", AlertSeverity.Critical),
        [2011] = (PvFaultCategory.Inverter, "组串反接", AlertSeverity.Major),
        [2013] = (PvFaultCategory.Inverter, "组串功率异常", AlertSeverity.Major),
        [2015] = (PvFaultCategory.Inverter, "组串丢失", AlertSeverity.Major),
        [2032] = (PvFaultCategory.GridVoltage, "电网掉电", AlertSeverity.Major),
        [2033] = (PvFaultCategory.GridVoltage, "电网欠压", AlertSeverity.Major),
        [2034] = (PvFaultCategory.GridVoltage, "电网过压", AlertSeverity.Major),
        [2035] = (PvFaultCategory.GridVoltage, "电网电压不平衡", AlertSeverity.Major),
        [2036] = (PvFaultCategory.GridFrequency, "电网过频", AlertSeverity.Major),
        [2037] = (PvFaultCategory.GridFrequency, "电网欠频", AlertSeverity.Major),
        [2062] = (PvFaultCategory.Inverter, "绝缘阻抗低", AlertSeverity.Major),
        [2063] = (PvFaultCategory.OverTemperature, "机内过温", AlertSeverity.Major),
        [2064] = (PvFaultCategory.Inverter, "设备故障", AlertSeverity.Critical),
        [2070] = (PvFaultCategory.GridVoltage, "主动孤岛", AlertSeverity.Major),
        [2071] = (PvFaultCategory.GridVoltage, "被动孤岛", AlertSeverity.Major),
        [2072] = (PvFaultCategory.GridVoltage, "瞬时交流过压", AlertSeverity.Major),
        [2086] = (PvFaultCategory.Inverter, "外部风扇异常", AlertSeverity.Major),
        [2087] = (PvFaultCategory.Inverter, "内部风扇异常", AlertSeverity.Major),
    };

    public static PvFaultCategory CategoryOf(int code) => Known.TryGetValue(code, out var k) ? k.Category : PvFaultCategory.Inverter;

    public static string NameOf(int code) => Known.TryGetValue(code, out var k) ? $"{code} {k.Name}" : $"{code}";

    public static AlertSeverity SeverityOf(int code) => Known.TryGetValue(code, out var k) ? k.Severity : AlertSeverity.Major;

    /// <summary>The first code of <paramref name="codes"/> in <paramref name="category"/>, or null.</summary>
    public static int? First(int[] codes, PvFaultCategory category)
    {
        foreach (var code in codes)
        {
            if (CategoryOf(code) == category)
            {
                return code;
            }
        }

        return null;
    }
}
