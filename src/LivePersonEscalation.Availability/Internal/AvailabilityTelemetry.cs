using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LivePersonEscalation.Availability.Internal;

/// <summary>
/// The snapshot's own telemetry: each refresh counted (<see cref="LivePersonEscalationTelemetry.AvailabilityRefreshesInstrument"/>,
/// on the library's meter) and each failed one logged once. Telemetry never fails a refresh.
/// </summary>
internal sealed partial class AvailabilityTelemetry
{
    public const string Shift = "shift";

    public const string Agents = "agents";

    public const string QueueHealth = "queue_health";

    private static readonly Meter SharedMeter = new(LivePersonEscalationTelemetry.MeterName);

    private readonly Counter<long> _refreshes;
    private readonly ILogger _logger;
    private readonly string? _account;

    public AvailabilityTelemetry(IMeterFactory? meterFactory, ILoggerFactory? loggerFactory, string? account)
    {
        var meter = meterFactory?.Create(new MeterOptions(LivePersonEscalationTelemetry.MeterName)) ?? SharedMeter;
        _refreshes = meter.CreateCounter<long>(LivePersonEscalationTelemetry.AvailabilityRefreshesInstrument, "{refresh}", "Availability snapshot refreshes, by data (shift, agents) and outcome.");
        _logger = loggerFactory?.CreateLogger(LogCategory) ?? NullLogger.Instance;
        _account = account;
    }

    /// <summary>The category of the snapshot's log: the library's, as before the package split.</summary>
    public static string LogCategory => "LivePersonEscalation";

    /// <summary>Counts one refresh of <paramref name="data"/>, and logs a failure (<paramref name="failure"/> not null).</summary>
    public void Refreshed(string data, string? failure, TimeSpan staleAfter)
    {
        try
        {
            if (failure is not null)
            {
                using (_account is null ? null : AccountScope(_logger, _account))
                {
                    RefreshFailed(_logger, data switch { Shift => "shift status", Agents => "agent counts", _ => "queue health" }, failure, (long)staleAfter.TotalSeconds);
                }
            }

            var tags = new TagList
            {
                { "liveperson.availability.data", data },
                { "liveperson.escalation.outcome", failure is null ? "succeeded" : "failed" },
            };
            if (_account is not null)
            {
                tags.Add(LivePersonEscalationTelemetry.AccountTag, _account);
            }

            _refreshes.Add(1, tags);
        }
#pragma warning disable CA1031 // A listener or logger that throws must never fail the refresh it reports.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static readonly Func<ILogger, string, IDisposable?> AccountScope = LoggerMessage.DefineScope<string>("Account {Account}");

    /// <summary>Logged once per snapshot: the queue health feed is off on the account, and what to do.</summary>
    public void QueueHealthNotEnabled(string reason)
    {
        try
        {
            using (_account is null ? null : AccountScope(_logger, _account))
            {
                NotEnabled(_logger, reason);
            }
        }
#pragma warning disable CA1031 // A logger that throws must never fail the refresh it reports.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    [LoggerMessage(20, LogLevel.Warning, "Skill availability: the expected wait stays unknown: {Reason}")]
    private static partial void NotEnabled(ILogger logger, string reason);

    [LoggerMessage(16, LogLevel.Warning, "Skill availability: the {Data} could not be refreshed: {Reason} The last good data is used while it is younger than {StaleAfterSeconds} s")]
    private static partial void RefreshFailed(ILogger logger, string data, string reason, long staleAfterSeconds);
}
