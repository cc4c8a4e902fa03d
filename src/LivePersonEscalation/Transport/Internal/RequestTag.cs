namespace LivePersonEscalation.Internal;

/// <summary>
/// A value a request carries through the client's handlers to the library's innermost one: the attempt, the probe
/// (<c>HttpRequestMessage.Options</c>; <c>Properties</c> where there are no options).
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
internal sealed class RequestTag<T>(string name)
    where T : class
{
#if NET
    private readonly HttpRequestOptionsKey<T> _key = new(name);

    public void Set(HttpRequestMessage request, T value) => request.Options.Set(_key, value);

    public T? Of(HttpRequestMessage request) => request.Options.TryGetValue(_key, out var value) ? value : null;
#else
    public void Set(HttpRequestMessage request, T value) => request.Properties[name] = value;

    public T? Of(HttpRequestMessage request) => request.Properties.TryGetValue(name, out var value) ? value as T : null;
#endif
}
