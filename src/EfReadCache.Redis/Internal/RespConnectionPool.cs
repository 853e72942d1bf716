using System.Collections.Concurrent;

namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>Idle blocking connections for the synchronous path; a connection is used by one caller at a time.</remarks>
/// <param name="settings">How to connect.</param>
/// <param name="maxIdle">How many idle connections to keep.</param>
public sealed class RespConnectionPool(RespSettings settings, int maxIdle) : IDisposable
{
    private readonly ConcurrentBag<RespConnection> _idle = [];
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>Runs one command on an idle (or new) connection.</summary>
    /// <param name="arguments">The command and its arguments.</param>
    /// <returns>The reply.</returns>
    public object? Execute(IReadOnlyList<byte[]> arguments)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        RespConnection connection;
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            connection = idle;
        }
        else
        {
            connection = RespConnection.Open(settings.EndPoint, settings);
        }

        try
        {
            return connection.Execute(arguments);
        }
        finally
        {
            Return(connection);
        }
    }

    /// <summary>Closes every idle connection (after the server was lost, so none is reused).</summary>
    public void Clear()
    {
        while (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        Clear();
    }

    private void Return(RespConnection connection)
    {
        if (connection.Broken || _disposed || Interlocked.Increment(ref _idleCount) > maxIdle)
        {
            if (!connection.Broken && !_disposed)
            {
                Interlocked.Decrement(ref _idleCount);
            }

            connection.Dispose();
            return;
        }

        _idle.Add(connection);
    }
}
