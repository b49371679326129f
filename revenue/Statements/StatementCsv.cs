using System.Globalization;
using System.Text;
using Telemetry.Revenue.Money;

namespace Telemetry.Revenue.Statements;

/// <summary>
/// A statement as CSV for 公示 and for the accountant: UTF-8 with a byte-order mark (so Excel and WPS open the Chinese
/// correctly), CRLF line ends, RFC 4180 quoting; money with two decimals. Sections: header, stations, totals, allocation
/// lines, notes.
/// </summary>
public static class StatementCsv
{
    /// <summary>The CSV bytes, starting with the UTF-8 byte-order mark.</summary>
    public static byte[] ToBytes(RevenueStatement statement) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ToText(statement))];

    /// <summary>The CSV text (without the byte-order mark).</summary>
    public static string ToText(RevenueStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var s = statement;
        var csv = new StringBuilder();
        Row(csv, $"{s.VillageName}光伏帮扶电站收益分配公示表");
        Row(csv, "县", s.CountyName, "乡镇", s.TownshipName, "村", s.VillageName, "村编号", s.VillageId);
        Row(csv, "月份", s.Month, "状态", StatementLabels.Status(s.Status), "序号", s.Sequence?.ToString(CultureInfo.InvariantCulture) ?? "",
            "更正", s.Corrects is { } c ? "#" + c.ToString(CultureInfo.InvariantCulture) : "", "更正原因", s.CorrectionReason ?? "");
        Row(csv, "公示时间", s.PublishedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "", "计算时间",
            s.ComputedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), "分配方案年度", s.PlanYear?.ToString(CultureInfo.InvariantCulture) ?? "无");
        Row(csv, "本表哈希(SHA-256)", s.Hash ?? "", "上一期哈希", s.PreviousHash ?? "");
        csv.Append("\r\n");
        Row(csv, "电站编号", "电站名称", "类型", "容量(kWp)", "本村份额", "发电量(kWh)", "本村电量(kWh)", "数据质量", "燃煤基准价(元/kWh)",
            "补贴(元/kWh)", "电费收入(元)", "补贴应收(元)", "补贴本月到账(元)", "补贴累计未到账(元)", "扣除(元)", "未扣足(元)", "可分配(元)", "收益归属");
        foreach (var st in s.Stations)
        {
            Row(csv, st.StationId, st.StationName, StatementLabels.StationClassName(st.StationClass), Num(st.CapacityKwp), Num(st.Share),
                Kwh(st.EnergyKwh), Kwh(st.ShareEnergyKwh), StatementLabels.Quality(st.Quality), Num(st.GridPrice), Num(st.SubsidyPrice),
                Yuan.Format(st.GridYuan), Yuan.Format(st.SubsidyAccruedYuan), Yuan.Format(st.SubsidyReceivedYuan), Yuan.Format(st.SubsidyOutstandingYuan),
                Yuan.Format(st.DeductionsYuan), Yuan.Format(st.Deductions.Sum(d => d.UncoveredYuan)), Yuan.Format(st.NetYuan), StatementLabels.Recipient(st.Recipient));
        }

        var t = s.Totals;
        csv.Append("\r\n");
        Row(csv, "合计");
        Row(csv, "发电量（本村份额，kWh）", Kwh(t.EnergyKwh));
        Row(csv, "电费收入（电网，元）", Yuan.Format(t.GridYuan));
        Row(csv, "补贴应收（本月发电，元）", Yuan.Format(t.SubsidyAccruedYuan));
        Row(csv, "总收益（电费+补贴应收，元）", Yuan.Format(t.GrossYuan));
        Row(csv, "补贴本月到账（元）", Yuan.Format(t.SubsidyReceivedYuan));
        Row(csv, "补贴累计未到账（元）", Yuan.Format(t.SubsidyOutstandingYuan));
        Row(csv, "扣除：运维、保险、土地租金（元）", Yuan.Format(t.DeductionsYuan));
        Row(csv, "可分配收益（电费+补贴到账−扣除，元）", Yuan.Format(t.DistributableYuan));
        Row(csv, "其中：村集体", Yuan.Format(t.CollectiveDistributableYuan), "户用电站", Yuan.Format(t.HouseholdStationsYuan));
        csv.Append("\r\n");
        Row(csv, "序号", "类别", "项目", "领取人", "领取人编号", "监测户", "应付(元)", "实付(元)", "未覆盖(元)", "来源");
        foreach (var l in s.Lines)
        {
            Row(csv, l.No.ToString(CultureInfo.InvariantCulture), StatementLabels.Category(l.Category), l.Item, l.PayeeName ?? "", l.PayeeId ?? "",
                l.Monitored ? "是" : "", Yuan.Format(l.DueYuan), Yuan.Format(l.AmountYuan), Yuan.Format(l.UncoveredYuan), StatementLabels.Recipient(l.Source));
        }

        Row(csv, "合计", "", "", "", "", "", Yuan.Format(s.Lines.Sum(l => l.DueYuan)), Yuan.Format(s.Lines.Sum(l => l.AmountYuan)), Yuan.Format(s.Lines.Sum(l => l.UncoveredYuan)));
        if (s.Notes.Count > 0)
        {
            csv.Append("\r\n");
            Row(csv, "说明");
            foreach (var note in s.Notes)
            {
                Row(csv, note);
            }
        }

        return csv.ToString();
    }

    private static string Num(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Kwh(decimal value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, params string[] cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    private static string Cell(string value)
    {
        // A text starting with = + - @ would be run as a formula by a spreadsheet; a leading apostrophe keeps it text.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
