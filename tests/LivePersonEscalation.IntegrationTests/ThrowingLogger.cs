using Microsoft.Extensions.Logging;

namespace LivePersonEscalation.IntegrationTests;

internal sealed class ThrowingLogger(int? eventId) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId is null || id.Id == eventId)
        {
            throw new InvalidOperationException("log sink failed");
        }
    }
}
