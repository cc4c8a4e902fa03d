using System.Net;

namespace LivePersonEscalation.Testing;

/// <summary>How <see cref="AccountApiEmulator"/> starts: the account, the credentials it accepts, the address.</summary>
public sealed class AccountApiEmulatorOptions
{
    /// <summary>The account id the emulator serves: <c>12345678</c>.</summary>
    public const string DefaultAccountId = "12345678";

    /// <summary>The app installation's client id it accepts: <c>emulator-client</c>.</summary>
    public const string DefaultClientId = "emulator-client";

    /// <summary>The client secret it accepts (a test value, not a LivePerson secret).</summary>
    public const string DefaultClientSecret = "emulator-client-secret";

    /// <summary>The user name it accepts: <c>emulator-bot</c>.</summary>
    public const string DefaultUsername = "emulator-bot";

    /// <summary>The password it accepts (a test value, not a LivePerson secret).</summary>
    public const string DefaultPassword = "emulator-password";

    /// <summary>The account id; defaults to <see cref="DefaultAccountId"/>.</summary>
    public string AccountId { get; set; } = DefaultAccountId;

    /// <summary>The loopback address to listen on; defaults to 127.0.0.1.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>The port; 0 (the default) for a free one.</summary>
    public int Port { get; set; }

    /// <summary>The clock <see cref="AccountApiEmulator.Delay"/> waits on; defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The <c>expires_in</c> of the app tokens it issues; defaults to 1 hour.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
