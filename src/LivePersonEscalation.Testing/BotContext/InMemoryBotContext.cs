namespace LivePersonEscalation.Testing;

/// <summary>
/// An <see cref="IBotContext"/> held in memory, for tests and samples: records the messages sent to the user and
/// the bot variables set, in order. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var context = new InMemoryBotContext("lp_web") { ConversationId = "conv-1" };
/// await TransferMessage.DeliverAsync(context, "Hold on while I transfer you to an agent.");
/// Assert.Equal("Hold on while I transfer you to an agent.", context.Variables[TransferMessage.VariableName]);
/// </code>
/// </example>
public sealed class InMemoryBotContext : IBotContext
{
    private readonly object _gate = new();
    private readonly List<string> _sentMessages = [];
    private readonly List<BotVariableWrite> _variableWrites = [];
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    /// <summary>Creates a context on <paramref name="channel"/> (a Conversation Builder channel name such as <c>web</c> or <c>lp_sms</c>).</summary>
    /// <param name="channel">The channel name.</param>
    public InMemoryBotContext(string channel)
        : this(new BotChannel(channel))
    {
    }

    /// <summary>Creates a context on <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel.</param>
    public InMemoryBotContext(BotChannel channel) => Channel = channel;

    /// <inheritdoc />
    public BotChannel Channel { get; }

    /// <inheritdoc />
    public string ConversationId { get; init; } = "conversation-1";

    /// <inheritdoc />
    public string UserPlatformId { get; init; } = "user-platform-1";

    /// <inheritdoc />
    public string ChatBotId { get; init; } = "chatbot-1";

    /// <summary>Called with each message sent to the user, e.g. to print it.</summary>
    public Action<string>? OnMessageSent { get; init; }

    /// <summary>Called with each bot variable set, e.g. to print it.</summary>
    public Action<BotVariableWrite>? OnVariableSet { get; init; }

    /// <summary>The messages sent to the user, in order.</summary>
    public IReadOnlyList<string> SentMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _sentMessages];
            }
        }
    }

    /// <summary>Every <c>setBotVariable</c> call, in order.</summary>
    public IReadOnlyList<BotVariableWrite> VariableWrites
    {
        get
        {
            lock (_gate)
            {
                return [.. _variableWrites];
            }
        }
    }

    /// <summary>The current value of each bot variable.</summary>
    public IReadOnlyDictionary<string, string> Variables
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, string>(_variables, StringComparer.Ordinal);
            }
        }
    }

    /// <inheritdoc />
    public Task SendMessageAsync(string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _sentMessages.Add(message);
        }

        OnMessageSent?.Invoke(message);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SetBotVariableAsync(string name, string value, bool persistForSession, bool persistForever, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        cancellationToken.ThrowIfCancellationRequested();
        var write = new BotVariableWrite(name, value, persistForSession, persistForever);
        lock (_gate)
        {
            _variableWrites.Add(write);
            _variables[name] = value;
        }

        OnVariableSet?.Invoke(write);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetBotVariableAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_variables.TryGetValue(name, out var value) ? value : null);
        }
    }
}
