using System.Net;
using System.Net.Sockets;

namespace MicroInternships.Testing;

/// <summary>
/// A TCP forwarder in front of the broker or the database. <see cref="Cut"/> drops every connection and refuses new ones,
/// which is what a client sees when the broker goes down; <see cref="Restore"/> brings it back.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private volatile bool _cut;

    public TcpProxy(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Loopback, target.Port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        _cut = true;
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_cut)
            {
                client.Dispose();
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(_target, _stopping.Token);
            lock (_gate)
            {
                // A connection still dialling when the cut came would otherwise outlive it.
                if (_cut)
                {
                    return;
                }

                _connections.Add(client);
                _connections.Add(upstream);
            }

            await Task.WhenAny(
                client.GetStream().CopyToAsync(upstream.GetStream(), _stopping.Token),
                upstream.GetStream().CopyToAsync(client.GetStream(), _stopping.Token));
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stopping.Dispose();
    }
}
