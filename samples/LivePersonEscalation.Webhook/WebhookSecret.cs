using System.Security.Cryptography;
using System.Text;

namespace LivePersonEscalation.WebhookSample;

/// <summary>Compares the X-Webhook-Secret header with the setting in constant time, whatever their lengths.</summary>
internal static class WebhookSecret
{
    public const string Header = "X-Webhook-Secret";

    public static bool Matches(string? given, string expected) =>
        given is not null
        // Hashing first makes both sides the same length, so the comparison time says nothing about the secret.
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
