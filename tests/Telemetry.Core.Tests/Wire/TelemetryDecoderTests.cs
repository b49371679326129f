using System.Buffers;
using System.Text;
using Telemetry.Core.Readings;
using Telemetry.Core.Tests.Support;
using Telemetry.Core.Wire;

namespace Telemetry.Core.Tests.Wire;

public sealed class TelemetryDecoderTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 21, 4, 0, 0, TimeSpan.Zero);
    private const string NowText = "2026-06-21T04:00:00Z";
    private const string PvTopic = "pv/PV-V1/telemetry";
    private const string BarnTopic = "barn/BARN-1/telemetry";

    private readonly TelemetryDecoder _decoder = new(TestFleet.Registry(), new TelemetryTopics(""), new TelemetryDecoderOptions { MaxPayloadBytes = 4096 }, new FixedTimeProvider(Now));

    /// <summary>One bad payload per rejection reason: (reason, topic, payload, publisher).</summary>
    public static TheoryData<RejectReason, string, string, string?> Cases => new()
    {
        { RejectReason.PayloadTooLarge, PvTopic, "[" + string.Join(',', Enumerable.Repeat($"{{\"ts\":\"{NowText}\",\"p_ac_kw\":1,\"e_total_kwh\":1}}", 100)) + "]", null },
        { RejectReason.UnknownTopic, "pv/PV-V1/commands", Pv(), null },
        { RejectReason.UnknownTopic, "solar/PV-V1/telemetry", Pv(), null },
        { RejectReason.UnknownDevice, "pv/PV-NOPE/telemetry", Pv(), null },
        { RejectReason.TopicMismatch, "pv/BARN-1/telemetry", Pv(), null },
        { RejectReason.TopicMismatch, PvTopic, Pv(), "PV-N1" },
        { RejectReason.TopicMismatch, PvTopic, Pv("\"id\":\"PV-N1\""), null },
        { RejectReason.MalformedJson, PvTopic, "{\"ts\":\"" + NowText + "\",\"p_ac_kw\":1", null },
        { RejectReason.MalformedJson, PvTopic, "\"hello\"", null },
        { RejectReason.MalformedJson, PvTopic, "{\"ts\":NaN}", null },
        { RejectReason.MalformedJson, PvTopic, "", null },
        { RejectReason.UnsupportedVersion, PvTopic, Pv("\"v\":2"), null },
        { RejectReason.MissingField, PvTopic, $"{{\"ts\":\"{NowText}\",\"p_ac_kw\":1}}", null },
        { RejectReason.MissingField, PvTopic, "{\"p_ac_kw\":1,\"e_total_kwh\":5}", null },
        { RejectReason.MissingField, BarnTopic, $"{{\"ts\":\"{NowText}\",\"t_c\":20}}", null },
        { RejectReason.WrongType, PvTopic, $"{{\"ts\":\"{NowText}\",\"p_ac_kw\":\"12\",\"e_total_kwh\":5}}", null },
        { RejectReason.WrongType, PvTopic, Pv("\"state\":\"exploded\""), null },
        { RejectReason.WrongType, PvTopic, Pv("\"faults\":\"2034\""), null },
        { RejectReason.WrongType, PvTopic, Pv("\"faults\":[\"a\"]"), null },
        { RejectReason.WrongType, PvTopic, "{\"ts\":\"2026-06-21T04:00:00\",\"p_ac_kw\":1,\"e_total_kwh\":5}", null },
        { RejectReason.WrongType, PvTopic, "{\"ts\":1782014400,\"p_ac_kw\":1,\"e_total_kwh\":5}", null },
        { RejectReason.WrongType, PvTopic, "{\"ts\":true,\"p_ac_kw\":1,\"e_total_kwh\":5}", null },
        { RejectReason.WrongType, BarnTopic, Barn("\"power\":\"solar\""), null },
        { RejectReason.WrongType, PvTopic, "[1]", null },
        { RejectReason.NotFinite, PvTopic, $"{{\"ts\":\"{NowText}\",\"p_ac_kw\":\"NaN\",\"e_total_kwh\":5}}", null },
        { RejectReason.NotFinite, PvTopic, $"{{\"ts\":\"{NowText}\",\"p_ac_kw\":1e400,\"e_total_kwh\":5}}", null },
        { RejectReason.NotFinite, BarnTopic, $"{{\"ts\":\"{NowText}\",\"t_c\":\"-Infinity\",\"rh_pct\":50}}", null },
        { RejectReason.OutOfRange, PvTopic, $"{{\"ts\":\"{NowText}\",\"p_ac_kw\":500,\"e_total_kwh\":5}}", null },
        { RejectReason.OutOfRange, PvTopic, $"{{\"ts\":\"{NowText}\",\"p_ac_kw\":5,\"e_total_kwh\":-1}}", null },
        { RejectReason.OutOfRange, PvTopic, Pv("\"f_hz\":400"), null },
        { RejectReason.OutOfRange, BarnTopic, $"{{\"ts\":\"{NowText}\",\"t_c\":20,\"rh_pct\":120}}", null },
        { RejectReason.OutOfRange, BarnTopic, Barn("\"fan_rpm\":[1200,99999]"), null },
        { RejectReason.FutureTimestamp, PvTopic, "{\"ts\":\"2026-06-21T05:00:00Z\",\"p_ac_kw\":1,\"e_total_kwh\":5}", null },
        { RejectReason.StaleTimestamp, PvTopic, "{\"ts\":\"2020-01-01T00:00:00Z\",\"p_ac_kw\":1,\"e_total_kwh\":5}", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_BadPayload_RejectsWithReasonAndKeepsNothing(RejectReason reason, string topic, string payload, string? publisher)
    {
        var (accepted, rejected) = Decode(topic, payload, publisher);

        Assert.Empty(accepted);
        var rejection = Assert.Single(rejected);
        Assert.Equal(reason, rejection.Reason);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Detail));
    }

    [Fact]
    public void Cases_CoverEveryRejectReason()
    {
        var covered = Cases.Select(row => (RejectReason)row[0]).ToHashSet();

        Assert.Equal(Enum.GetValues<RejectReason>().Order(), covered.Order());
    }

    [Fact]
    public void Decode_FullPvReading_ReadsEveryField()
    {
        var payload = $$$"""{"v":1,"ts":"{{{NowText}}}","seq":42,"p_ac_kw":61.25,"e_total_kwh":123456.5,"e_day_kwh":201.5,"v_dc":620.5,"i_dc":98.2,"v_ac":401.2,"f_hz":50.01,"t_inv_c":41.5,"irr_wm2":812,"t_mod_c":48.2,"state":"running","faults":[2034,2063],"vendor_extra":{"a":[1,2]}}""";

        var (accepted, rejected) = Decode(PvTopic, payload);

        Assert.Empty(rejected);
        var r = Assert.IsType<PvReading>(Assert.Single(accepted));
        Assert.Equal("PV-V1", r.Device.Id);
        Assert.Equal(Now, r.Timestamp);
        Assert.Equal(42, r.Seq);
        Assert.Equal((61.25, 123456.5, 201.5, 620.5, 98.2, 401.2, 50.01, 41.5, 812.0, 48.2),
            (r.PowerKw, r.EnergyTotalKwh, r.EnergyDayKwh, r.DcVoltage, r.DcCurrent, r.AcVoltage, r.FrequencyHz, r.InverterTempC, r.IrradianceWm2, r.ModuleTempC));
        Assert.Equal(InverterState.Running, r.State);
        Assert.Equal([2034, 2063], r.Faults);
    }

    [Fact]
    public void Decode_FullBarnReading_ReadsEveryField()
    {
        var payload = $$"""{"ts":{{Now.ToUnixTimeMilliseconds()}},"t_c":22.5,"rh_pct":65,"nh3_ppm":12.5,"co2_ppm":1800,"h2s_ppm":1.2,"fan_stage":2,"fan_rpm":[900,910,0,0],"water_l":35.5,"feed_kg":12.25,"power":"battery"}""";

        var (accepted, rejected) = Decode(BarnTopic, payload);

        Assert.Empty(rejected);
        var r = Assert.IsType<BarnReading>(Assert.Single(accepted));
        Assert.Equal(Now, r.Timestamp);
        Assert.Equal((22.5, 65.0, 12.5, 1800.0, 1.2, 2, 35.5, 12.25, PowerSource.Battery),
            (r.TempC, r.HumidityPct, r.Nh3Ppm, r.Co2Ppm, r.H2sPpm, r.FanStage, r.WaterL, r.FeedKg, r.Power));
        Assert.Equal([900, 910, 0, 0], r.FanRpm);
        Assert.Null(r.Seq);
    }

    [Fact]
    public void Decode_ArrayWithOneBadReading_KeepsTheGoodOnesAndNamesTheIndex()
    {
        var payload = $$"""[{"ts":"2026-06-21T03:58:00Z","p_ac_kw":10,"e_total_kwh":100},{"ts":"2026-06-21T03:59:00Z","p_ac_kw":"x","e_total_kwh":101},{"ts":"{{NowText}}","p_ac_kw":12,"e_total_kwh":102}]""";

        var (accepted, rejected) = Decode(PvTopic, payload);

        Assert.Equal([10.0, 12.0], accepted.Cast<PvReading>().Select(r => r.PowerKw));
        var rejection = Assert.Single(rejected);
        Assert.Equal((RejectReason.WrongType, 1), (rejection.Reason, rejection.Index));
        Assert.Contains("p_ac_kw", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TruncatedArray_DropsEveryReadingOfThePayload()
    {
        var payload = $$"""[{"ts":"{{NowText}}","p_ac_kw":10,"e_total_kwh":100},{"ts":"{{NowText}}","p_ac""";

        var (accepted, rejected) = Decode(PvTopic, payload);

        Assert.Empty(accepted);
        Assert.Equal(RejectReason.MalformedJson, Assert.Single(rejected).Reason);
    }

    [Fact]
    public void Decode_PayloadSplitAcrossSegments_ReadsLikeOneBuffer()
    {
        var bytes = Encoding.UTF8.GetBytes(Pv("\"state\":\"standby\""));
        var sequence = Segments.Split(bytes, 7);

        var accepted = new List<Reading>();
        var rejected = new List<Rejection>();
        _decoder.Decode(PvTopic, sequence, null, accepted, rejected);

        Assert.Empty(rejected);
        Assert.Equal(InverterState.Standby, Assert.IsType<PvReading>(Assert.Single(accepted)).State);
    }

    [Theory]
    [InlineData("2026-06-21T12:00:00+08:00")]
    [InlineData("2026-06-21T04:00:00.000Z")]
    [InlineData("1782014400000")]
    public void Decode_TimestampForms_AllMeanTheSameInstant(string ts)
    {
        var value = ts.StartsWith('1') ? ts : $"\"{ts}\"";
        var (accepted, _) = Decode(PvTopic, $$"""{"ts":{{value}},"p_ac_kw":1,"e_total_kwh":5}""");

        Assert.Equal(Now, Assert.Single(accepted).Timestamp);
    }

    [Fact]
    public void Decode_SlightlyNegativeNightPower_IsAccepted()
    {
        var (accepted, rejected) = Decode(PvTopic, $$"""{"ts":"{{NowText}}","p_ac_kw":-0.3,"e_total_kwh":5,"state":"standby"}""");

        Assert.Empty(rejected);
        Assert.Equal(-0.3, Assert.IsType<PvReading>(Assert.Single(accepted)).PowerKw);
    }

    private static string Pv(string extra = "") =>
        $"{{\"ts\":\"{NowText}\",\"p_ac_kw\":12.5,\"e_total_kwh\":1000{(extra.Length > 0 ? "," + extra : "")}}}";

    private static string Barn(string extra = "") =>
        $"{{\"ts\":\"{NowText}\",\"t_c\":20,\"rh_pct\":60{(extra.Length > 0 ? "," + extra : "")}}}";

    private (List<Reading> Accepted, List<Rejection> Rejected) Decode(string topic, string payload, string? publisher = null)
    {
        var accepted = new List<Reading>();
        var rejected = new List<Rejection>();
        _decoder.Decode(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), publisher, accepted, rejected);
        return (accepted, rejected);
    }
}
