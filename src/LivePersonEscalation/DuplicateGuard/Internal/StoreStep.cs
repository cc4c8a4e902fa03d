namespace LivePersonEscalation.Internal;

/// <summary>One call of the shared store as the guard saw it within the operation timeout: answered (with the store's value), or not (why).</summary>
internal readonly record struct StoreStep<T>(T? Value, Exception? Failure)
{
    public bool Answered => Failure is null;

    public static StoreStep<T> Answer(T? value) => new(value, null);

    public static StoreStep<T> Failed(Exception failure) => new(default, failure);
}
