using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Core.Wire;

namespace Telemetry.Ingest.Pipeline;

/// <summary>
/// Where rejected payloads go: counted per reason, logged (rate-limited), kept in memory for the API, appended to a
/// JSON-lines file and republished on the dead-letter topic. Never blocks or fails the ingest path.
/// </summary>
public sealed partial class DeadLetterSink : BackgroundService
{
    private const int Recent = 200;
    private const int MaxPayloadChars = 4096;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private readonly Channel<DeadLetter> _file = Channel.CreateBounded<DeadLetter>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Queue<DeadLetter> _recent = new();
    private readonly IngestStatistics _statistics;
    private readonly TelemetryTopics _topics;
    private readonly IDeadLetterPublisher? _publisher;
    private readonly TimeProvider _time;
    private readonly ILogger<DeadLetterSink> _logger;
    private readonly string? _path;
    private readonly long _maxBytes;
    private long _logWindowStart;
    private int _loggedInWindow;

    public DeadLetterSink(
        IngestStatistics statistics,
        TelemetryTopics topics,
        IOptions<IngestOptions> options,
        IHostEnvironment environment,
        TimeProvider time,
        ILogger<DeadLetterSink> logger,
        IDeadLetterPublisher? publisher = null)
    {
        _statistics = statistics;
        _topics = topics;
        _publisher = publisher;
        _time = time;
        _logger = logger;
        var path = options.Value.DeadLetterPath;
        _path = string.IsNullOrWhiteSpace(path) ? null : Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
        _maxBytes = options.Value.DeadLetterMaxBytes;
    }

    /// <summary>The most recent dead letters, newest last.</summary>
    public IReadOnlyList<DeadLetter> RecentLetters()
    {
        lock (_recent)
        {
            return [.. _recent];
        }
    }

    public void Record(string topic, in ReadOnlySequence<byte> payload, IReadOnlyList<Rejection> rejections)
    {
        var now = _time.GetUtcNow();
        var text = PayloadText(payload);
        foreach (var rejection in rejections)
        {
            _statistics.Rejected(rejection.Reason);
            var letter = new DeadLetter(now, topic, rejection.Reason, rejection.Detail, rejection.DeviceId, rejection.Index, text);
            lock (_recent)
            {
                _recent.Enqueue(letter);
                if (_recent.Count > Recent)
                {
                    _recent.Dequeue();
                }
            }

            if (ShouldLog(now))
            {
                LogRejected(rejection.Reason, topic, rejection.Index, rejection.Detail);
            }

            _file.Writer.TryWrite(letter);
            _publisher?.Publish(_topics.DeadLetter(rejection.Reason), JsonSerializer.SerializeToUtf8Bytes(letter, Json));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_path is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        await foreach (var letter in _file.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                Rotate();
                await System.IO.File.AppendAllTextAsync(_path, JsonSerializer.Serialize(letter, Json) + "\n", stoppingToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                LogFileFailed(e, _path);
            }
        }
    }

    private void Rotate()
    {
        var info = new FileInfo(_path!);
        if (info.Exists && info.Length > _maxBytes)
        {
            System.IO.File.Move(_path!, _path + ".1", overwrite: true);
        }
    }

    private bool ShouldLog(DateTimeOffset now)
    {
        // At most 20 lines a minute: a misbehaving device must not drown the log; the counters keep the totals.
        var minute = now.ToUnixTimeSeconds() / 60;
        if (Interlocked.Exchange(ref _logWindowStart, minute) != minute)
        {
            Interlocked.Exchange(ref _loggedInWindow, 0);
        }

        return Interlocked.Increment(ref _loggedInWindow) <= 20;
    }

    private static string PayloadText(in ReadOnlySequence<byte> payload)
    {
        var bytes = payload.Length > MaxPayloadChars ? payload.Slice(0, MaxPayloadChars).ToArray() : payload.ToArray();
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return payload.Length > MaxPayloadChars ? text + "…(truncated)" : text;
        }
        catch (DecoderFallbackException)
        {
            return "base64:" + Convert.ToBase64String(bytes);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Reason} on {Topic} (item {Index}): {Detail}")]
    private partial void LogRejected(RejectReason reason, string topic, int? index, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not append to the dead-letter file {Path}")]
    private partial void LogFileFailed(Exception exception, string path);
}
