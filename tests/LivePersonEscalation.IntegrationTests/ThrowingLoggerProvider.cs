using Microsoft.Extensions.Logging;

namespace LivePersonEscalation.IntegrationTests;

/// <summary>Loggers that throw on the event <paramref name="eventId"/>, or on every event when it is null.</summary>
internal sealed class ThrowingLoggerProvider(int? eventId) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ThrowingLogger(eventId);

    public void Dispose()
    {
    }
}
