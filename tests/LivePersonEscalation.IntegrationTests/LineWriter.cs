using System.Threading.Channels;

namespace LivePersonEscalation.IntegrationTests;

/// <summary>A console the test reads line by line while the command still runs.</summary>
internal sealed class LineWriter : StringWriter
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    public override void WriteLine(string? value) => _lines.Writer.TryWrite(value ?? string.Empty);

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public async Task<string> ReadLineAsync(Func<string, bool> match, CancellationToken cancellationToken)
    {
        await foreach (var line in _lines.Reader.ReadAllAsync(cancellationToken))
        {
            if (match(line))
            {
                return line;
            }
        }

        throw new InvalidOperationException("The command ended without printing the line.");
    }
}
