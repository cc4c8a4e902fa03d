using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LivePersonEscalation.Redis.Tests.Faults;

/// <summary>
/// A TCP proxy on a free 127.0.0.1 port in front of a Redis: the faults a network puts between an instance and Redis,
/// switched by a test while connections stay open. Every connection is closed when it is disposed.
/// </summary>
public sealed class RedisFaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _redisPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _connections = [];
    private readonly Task _accepting;
    private volatile ProxyFault _fault;
    private volatile bool _scriptSeen;
    private TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RedisFaultProxy(int redisPort)
    {
        _redisPort = redisPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>How long answers are held under <see cref="ProxyFault.DelayAnswers"/>.</summary>
    public TimeSpan AnswerDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many connections were reset under <see cref="ProxyFault.ResetAfterScript"/>.</summary>
    public int Resets { get; private set; }

    public ProxyFault Fault
    {
        get => _fault;
        set
        {
            _scriptSeen = false;
            _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _fault = value;
        }
    }

    /// <summary>Completes when traffic has arrived, and is being kept, under <see cref="ProxyFault.Blackhole"/>.</summary>
    public Task Held => _held.Task;

    /// <summary>Closes every open connection (what was held is lost), as a network path that gave up.</summary>
    public void DropConnections()
    {
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                if (connection.Client is { } socket)
                {
                    socket.LingerState = new LingerOption(true, 0);
                }

                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropConnections();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var redis = new TcpClient();
            await redis.ConnectAsync(IPAddress.Loopback, _redisPort, _stop.Token);
            lock (_connections)
            {
                _connections.Add(client);
                _connections.Add(redis);
            }

            _ = PumpAsync(client, redis, towardsRedis: true);
            _ = PumpAsync(redis, client, towardsRedis: false);
        }
    }

    private Task _delayed = Task.CompletedTask;

    private async Task ContinueDelayed(Task previous, NetworkStream target, byte[] chunk, DateTime due)
    {
        await previous;
        try
        {
            var wait = due - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _stop.Token);
            }

            await target.WriteAsync(chunk, _stop.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection closed while its answers were held.
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, bool towardsRedis)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            var source = from.GetStream();
            var target = to.GetStream();
            while (true)
            {
                var read = await source.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                // A blackhole keeps what arrives until the test changes the fault (or drops the connections).
                if (_fault == ProxyFault.Blackhole)
                {
                    _held.TrySetResult();
                }

                for (var waited = 0; _fault == ProxyFault.Blackhole && waited < 60_000; waited += 10)
                {
                    await Task.Delay(10, _stop.Token);
                }

                if (towardsRedis && _fault is ProxyFault.ResetAfterScript or ProxyFault.ResetEveryAnswerAfterScript && Encoding.ASCII.GetString(buffer, 0, read).Contains("EVAL", StringComparison.OrdinalIgnoreCase))
                {
                    _scriptSeen = true;
                }

                if (!towardsRedis && _fault == ProxyFault.ResetAfterScript && _scriptSeen)
                {
                    // The script ran in Redis; its answer is lost with the connection.
                    _fault = ProxyFault.None;
                    Resets++;
                    DropConnections();
                    return;
                }

                if (!towardsRedis && _fault == ProxyFault.ResetEveryAnswerAfterScript && _scriptSeen)
                {
                    // Every answer is held past the caller's patience, then lost with its connection, until the test changes the fault.
                    await Task.Delay(AnswerDelay, _stop.Token);
                    Resets++;
                    DropConnections();
                    return;
                }

                if (!towardsRedis && _fault == ProxyFault.DelayAnswers)
                {
                    // Each answer leaves the delay after it arrived, in order, however many are under way.
                    var due = DateTime.UtcNow + AnswerDelay;
                    var chunk = buffer.AsMemory(0, read).ToArray();
                    lock (target)
                    {
                        _delayed = ContinueDelayed(_delayed, target, chunk, due);
                    }

                    continue;
                }

                await _delayed;
                await target.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // A connection closed by either side, or by the test.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
