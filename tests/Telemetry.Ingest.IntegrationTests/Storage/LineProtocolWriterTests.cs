using System.Text;
using Telemetry.Ingest.Storage.Influx;

namespace Telemetry.Ingest.IntegrationTests.Storage;

/// <summary>The line-protocol formatter against the spec's escaping rules (no I/O).</summary>
public sealed class LineProtocolWriterTests
{
    [Fact]
    public void Escapes_MeasurementTagsFieldKeysAndStringValues()
    {
        var writer = new LineProtocolWriter();

        writer.Measurement("my pv,x=1").Tag("村 名", "北石店村, 一组=东").Tag("k=1", "a\\b").Field("f x", "say \"hi\" \\ bye").Field("n", 5L).End(42, 0);

        Assert.Equal("my\\ pv\\,x=1,村\\ 名=北石店村\\,\\ 一组\\=东,k\\=1=a\\b f\\ x=\"say \\\"hi\\\" \\\\ bye\",n=5i 42\n", writer.Builder.ToString());
    }

    [Theory]
    [InlineData(50.0, "50")]
    [InlineData(0.1, "0.1")]
    [InlineData(-3.25, "-3.25")]
    [InlineData(1e20, "1E+20")]
    [InlineData(1.23e-7, "1.23E-07")]
    [InlineData(123456.789012, "123456.789012")]
    public void Floats_AreInvariantShortestRoundTrip(double value, string text)
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var writer = new LineProtocolWriter();
            writer.Measurement("m").Field("v", value).End(1, 0);

            Assert.Equal($"m v={text} 1\n", writer.Builder.ToString());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Fact]
    public void NaNInfinityAndNull_AreSkipped_AndALineWithoutFieldsIsRemoved()
    {
        var writer = new LineProtocolWriter(new StringBuilder("keep\n"));

        writer.Measurement("m").Tag("t", "x").Field("a", double.NaN).Field("b", (double?)null).Field("c", double.PositiveInfinity).End(1, 5);
        writer.Measurement("m").Field("a", double.NaN).Field("b", 2.5).Field("c", (long?)null).End(2, writer.Builder.Length);

        Assert.Equal("keep\nm b=2.5 2\n", writer.Builder.ToString());
    }

    [Fact]
    public void EmptyTagValues_AreLeftOut_AndNewlinesCannotBreakALine()
    {
        var writer = new LineProtocolWriter();

        writer.Measurement("m").Tag("empty", "").Tag("t", "a\nb").Field("s", "x\ny").End(3, 0);

        Assert.Equal("m,t=a\\ b s=\"x y\" 3\n", writer.Builder.ToString());
    }

    [Fact]
    public void IntegerLists_AreOneCommaSeparatedStringField_AndAnEmptyListIsSkipped()
    {
        var writer = new LineProtocolWriter();

        writer.Measurement("pv").Field("faults", new[] { 2034, 2062 }).Field("fan_rpm", Array.Empty<int>()).Field("one", new[] { 7 }).End(4, 0);

        Assert.Equal("pv faults=\"2034,2062\",one=\"7\" 4\n", writer.Builder.ToString());
    }
}
