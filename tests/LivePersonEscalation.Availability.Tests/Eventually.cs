namespace LivePersonEscalation.Availability.Tests;

/// <summary>Reads until a condition holds (a background refresh over real HTTP), for at most 20 s of real time: bounded, never a sleep of a guessed length.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Bound;
        T value;
        while (!done(value = await read()))
        {
            Assert.True(DateTime.UtcNow < deadline, $"not reached within {Bound}: {value}");
            await Task.Delay(20);
        }

        return value;
    }
}
