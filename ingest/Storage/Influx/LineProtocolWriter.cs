using System.Globalization;
using System.Text;

namespace Telemetry.Ingest.Storage.Influx;

/// <summary>
/// Appends InfluxDB line protocol to a <see cref="StringBuilder"/> without intermediate strings. Escapes per the spec:
/// measurement <c>,</c> and space; tag keys, tag values and field keys <c>,</c> <c>=</c> and space; string field values
/// <c>"</c> and <c>\</c>. Floats are invariant-culture shortest round-trip (every version reads them as floats); integers
/// get <c>i</c>; unsigned (<c>u</c>, rejected by 1.x) is never written; NaN and ±∞ are skipped. Newlines, which no
/// version can escape in a key, become spaces.
/// </summary>
internal sealed class LineProtocolWriter(StringBuilder builder)
{
    private bool _hasField;

    public StringBuilder Builder { get; } = builder;

    public LineProtocolWriter()
        : this(new StringBuilder(4096))
    {
    }

    public LineProtocolWriter Measurement(string name)
    {
        _hasField = false;
        Escape(name, measurement: true);
        return this;
    }

    /// <summary>Appends <c>,key=value</c>; an empty value is skipped (line protocol has no empty tag values).</summary>
    public LineProtocolWriter Tag(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Builder.Append(',');
            Escape(key, measurement: false);
            Builder.Append('=');
            Escape(value, measurement: false);
        }

        return this;
    }

    /// <summary>Appends a float field; null, NaN and ±∞ are skipped.</summary>
    public LineProtocolWriter Field(string key, double? value)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return this;
        }

        Span<char> buffer = stackalloc char[32];
        FieldKey(key);
        v.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
        Builder.Append(buffer[..written]);
        return this;
    }

    /// <summary>Appends an integer field (<c>42i</c>); null is skipped.</summary>
    public LineProtocolWriter Field(string key, long? value)
    {
        if (value is not { } v)
        {
            return this;
        }

        FieldKey(key);
        AppendInteger(v);
        Builder.Append('i');
        return this;
    }

    /// <summary>Appends a string field; null is skipped.</summary>
    public LineProtocolWriter Field(string key, string? value)
    {
        if (value is null)
        {
            return this;
        }

        FieldKey(key);
        Builder.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                Builder.Append('\\');
            }

            Builder.Append(c is '\n' or '\r' ? ' ' : c);
        }

        Builder.Append('"');
        return this;
    }

    /// <summary>
    /// Appends integers as one string field, comma-separated (<c>faults="2034,2062"</c>), formatted straight into the line
    /// (no joined string per reading); an empty list is skipped.
    /// </summary>
    public LineProtocolWriter Field(string key, IReadOnlyList<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return this;
        }

        FieldKey(key);
        Builder.Append('"');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                Builder.Append(',');
            }

            AppendInteger(values[i]);
        }

        Builder.Append('"');
        return this;
    }

    /// <summary>Ends the line with a timestamp in the write's precision; a line without fields is removed (no version accepts it).</summary>
    public void End(long timestamp, int lineStart)
    {
        if (!_hasField)
        {
            Builder.Length = lineStart;
            return;
        }

        Builder.Append(' ');
        AppendInteger(timestamp);
        Builder.Append('\n');
    }

    /// <summary>Appends text that is already escaped (a cached measurement-and-tags prefix).</summary>
    public LineProtocolWriter Raw(string escaped)
    {
        _hasField = false;
        Builder.Append(escaped);
        return this;
    }

    private void FieldKey(string key)
    {
        Builder.Append(_hasField ? ',' : ' ');
        _hasField = true;
        Escape(key, measurement: false);
        Builder.Append('=');
    }

    private void AppendInteger(long value)
    {
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        Builder.Append(buffer[..written]);
    }

    private void Escape(string text, bool measurement)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case ',' or ' ':
                    Builder.Append('\\').Append(c);
                    break;
                case '=' when !measurement:
                    Builder.Append("\\=");
                    break;
                case '\n' or '\r' or '\t':
                    Builder.Append("\\ ");
                    break;
                default:
                    Builder.Append(c);
                    break;
            }
        }
    }
}
