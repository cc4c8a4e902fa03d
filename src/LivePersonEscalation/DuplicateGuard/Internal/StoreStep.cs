namespace LivePersonEscalation.Internal;

/// <summary>
/// One step of the shared store as the guard saw it within the operation timeout: answered (with the store's
/// value), failed at once (unreachable), or late: no answer yet, though the step may still land, so its owner id
/// stays this call's and its late answer is still used (<see cref="Pending"/>).
/// </summary>
internal readonly struct StoreStep<T>
{
    private StoreStep(T? value, Exception? failure, Task<T>? pending)
    {
        Value = value;
        Failure = failure;
        Pending = pending;
    }

    public T? Value { get; }

    /// <summary>Why the store did not answer: its own error, or a timeout.</summary>
    public Exception? Failure { get; }

    /// <summary>The step still under way when the guard stopped waiting for it; null when it answered or failed.</summary>
    public Task<T>? Pending { get; }

    public bool Answered => Failure is null;

    public static StoreStep<T> Answer(T value) => new(value, null, null);

    public static StoreStep<T> Failed(Exception failure) => new(default, failure, null);

    public static StoreStep<T> Late(Task<T> pending, Exception failure) => new(default, failure, pending);
}
