using System.Net.Sockets;

namespace LivePersonEscalation.Internal;

/// <summary>Tells a failure to connect (the request provably never left) from a failure after sending (outcome unknown).</summary>
internal static class TransportErrors
{
    public static bool IsConnectFailure(HttpRequestException exception)
    {
#if NET
        if (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
        {
            return true;
        }

        if (exception.HttpRequestError != HttpRequestError.Unknown)
        {
            return false;
        }
#endif
        // netstandard2.0 (or a handler that did not classify the error): look for the socket error of a connect.
        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain
                    or SocketError.NoData or SocketError.AddressNotAvailable or SocketError.HostDown;
            }
        }

        return false;
    }

    /// <summary>
    /// What went wrong, from the outer message to the innermost cause (.NET's "see inner exception" left out), so a
    /// TLS failure says which certificate problem it was.
    /// </summary>
    public static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            var message = current.Message.Replace(", see inner exception.", string.Empty).Replace(" See the inner exception for details.", string.Empty).Trim().TrimEnd('.');
            if (message.Length > 0 && !parts.Contains(message))
            {
                parts.Add(message);
            }
        }

        return string.Join(": ", parts);
    }
}
