using System.Net;

namespace LivePersonEscalation.Testing;

/// <summary>Settings of an <see cref="EscalationEmulator"/>.</summary>
public sealed class EscalationEmulatorOptions
{
    /// <summary>The default key the emulator accepts.</summary>
    public const string DefaultApiAccessKey = "emulator-api-key";

    /// <summary>The API access key the emulator accepts in <c>Authorization</c>; anything else gets 401.</summary>
    public string ApiAccessKey { get; set; } = DefaultApiAccessKey;

    /// <summary>The loopback address to listen on: <see cref="IPAddress.Loopback"/> (127.0.0.1) by default.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>The port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The clock for scripted delays and timestamps; a fake one lets tests advance time instead of waiting.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
