using System.Buffers;
using System.Text;
using System.Text.Json;
using Telemetry.Core.Readings;
using Telemetry.Core.Tests.Support;
using Telemetry.Core.Wire;

namespace Telemetry.Core.Tests.Wire;

/// <summary>The published schema and the decoder must describe the same contract.</summary>
public sealed class TelemetrySchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(TelemetrySchema.Read()).RootElement;

    [Theory]
    [InlineData("pvReading", "p_ac_kw,e_total_kwh,e_day_kwh,v_dc,i_dc,v_ac,f_hz,t_inv_c,irr_wm2,t_mod_c,state,faults")]
    [InlineData("barnReading", "t_c,rh_pct,nh3_ppm,co2_ppm,h2s_ppm,fan_stage,fan_rpm,water_l,feed_kg,power")]
    public void Schema_ListsEveryFieldTheDecoderReads(string definition, string fields)
    {
        var properties = Schema.GetProperty("$defs").GetProperty(definition).GetProperty("properties").EnumerateObject().Select(p => p.Name);

        Assert.Equal(fields.Split(',').Order(), properties.Order());
    }

    [Fact]
    public void Schema_RequiredFields_AreExactlyWhatTheDecoderRequires()
    {
        var decoder = new TelemetryDecoder(TestFleet.Registry(), new TelemetryTopics(""), new TelemetryDecoderOptions(), new FixedTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)));
        var defs = Schema.GetProperty("$defs");
        foreach (var (definition, topic, full) in new[]
        {
            ("pvReading", "pv/PV-V1/telemetry", new Dictionary<string, object> { ["ts"] = 1_767_225_600_000, ["p_ac_kw"] = 1.0, ["e_total_kwh"] = 2.0 }),
            ("barnReading", "barn/BARN-1/telemetry", new Dictionary<string, object> { ["ts"] = 1_767_225_600_000, ["t_c"] = 20.0, ["rh_pct"] = 50.0 }),
        })
        {
            var required = defs.GetProperty(definition).GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Equal(full.Keys.Order(), required.Order());
            Assert.Single(Decode(decoder, topic, full).Accepted);
            foreach (var field in required)
            {
                var (accepted, rejected) = Decode(decoder, topic, full.Where(p => p.Key != field).ToDictionary());
                Assert.Empty(accepted);
                Assert.Equal(RejectReason.MissingField, Assert.Single(rejected).Reason);
            }
        }
    }

    private static (List<Reading> Accepted, List<Rejection> Rejected) Decode(TelemetryDecoder decoder, string topic, Dictionary<string, object> reading)
    {
        var accepted = new List<Reading>();
        var rejected = new List<Rejection>();
        decoder.Decode(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(reading))), null, accepted, rejected);
        return (accepted, rejected);
    }
}
