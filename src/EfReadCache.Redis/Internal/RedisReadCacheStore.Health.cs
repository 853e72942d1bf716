using EfReadCache.Storage;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EfReadCache.Redis.Internal;

/// <content>Connection health: degrading on faults, catching up on reconnect, and the invalidation channel.</content>
public sealed partial class RedisReadCacheStore
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(2);

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            _subscribed = false;
        }

        Degrade(e.Exception, $"the {e.ConnectionType} connection to {e.EndPoint} failed ({e.FailureType})");
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        // Invalidations may have been missed while the connection was down: nothing known before is trusted.
        Flush(EvictionReason.Cleared);
        _syncPool.Clear();
        EnsureRecovery();
    }

    private void Degrade(Exception? exception, string what)
    {
        var first = false;
        lock (_health)
        {
            _failures++;
            if (!_degraded)
            {
                _degraded = true;
                first = true;
                if (_available.Task.IsCompleted)
                {
                    _available = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }

        Flush(EvictionReason.Cleared);
        _syncPool.Clear();
        if (first && !_disposing.IsCancellationRequested)
        {
            _logger.LogWarning(
                exception, "EfReadCache lost Redis while {What}; queries go to the database until Redis answers again.", what);
        }

        EnsureRecovery();
    }

    private void Flush(EvictionReason reason)
    {
        _view.Clear();
        if (_l1?.Clear() is > 0 and var removed)
        {
            _context.OnEvicted(reason, removed);
        }
    }

    private void EnsureRecovery()
    {
        if (!_disposing.IsCancellationRequested && Interlocked.CompareExchange(ref _recovering, 1, 0) == 0)
        {
            _ = Task.Run(RecoverAsync);
        }
    }

    // Waits for Redis, replays the invalidations of writes made while it was unreachable, and only then serves again.
    private async Task RecoverAsync()
    {
        var delay = FirstRetry;
        try
        {
            while (_degraded && !_disposing.IsCancellationRequested)
            {
                try
                {
                    if (_multiplexer.IsConnected && await CatchUpAsync().ConfigureAwait(false))
                    {
                        _logger.LogInformation("EfReadCache reached Redis; caching resumes.");
                        return;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !_disposing.IsCancellationRequested)
                {
                    _logger.LogDebug(exception, "EfReadCache is still waiting for Redis.");
                }

                await Task.Delay(delay, _disposing.Token).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetry.Ticks));
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        finally
        {
            Volatile.Write(ref _recovering, 0);
            if (_degraded && !_disposing.IsCancellationRequested)
            {
                EnsureRecovery();
            }
        }
    }

    private async Task<bool> CatchUpAsync()
    {
        await _io.ExecuteAsync(["PING"u8.ToArray()]).ConfigureAwait(false);
        CheckServerIdentity(_syncPool.Execute); // blocking, on the recovery loop's own thread
        if (_trustPubSub && !_subscribed)
        {
            await ConfirmSubscriptionAsync().ConfigureAwait(false);
        }

        while (true)
        {
            if (_allDirty)
            {
                _allDirty = false;
                try
                {
                    await InvalidateEverythingAsync().ConfigureAwait(false);
                }
                catch
                {
                    _allDirty = true;
                    throw;
                }
            }

            foreach (var (writeId, tables) in _unreleased.ToArray())
            {
                var plan = PrepareReplay(tables, writeId);
                await RunAsync(RedisScripts.Write, plan.Keys, plan.Arguments).ConfigureAwait(false);
                _unreleased.TryRemove(writeId, out _);
            }

            foreach (var group in _dirty.Keys.ToArray().GroupBy(k => k.DatabaseId, k => k.Table))
            {
                var tables = group.ToArray();
                await ReplaceTokensAsync(group.Key, tables, TablesMessage(group.Key, tables)).ConfigureAwait(false);
                foreach (var table in tables)
                {
                    _dirty.TryRemove((group.Key, table), out _);
                }
            }

            lock (_health)
            {
                if (_dirty.IsEmpty && _unreleased.IsEmpty && !_allDirty)
                {
                    _view.Clear();
                    _l1?.Clear();
                    _degraded = false;
                    _available.TrySetResult();
                    return true;
                }
            }
        }
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await _multiplexer.GetSubscriber().SubscribeAsync(_channel, _onMessage).WaitAsync(_timeout).ConfigureAwait(false);
            _view.Clear(); // what was learned before the subscription was active is not trusted
            _subscribed = true;
        }
        catch (Exception exception) when (IsFault(exception))
        {
            _logger.LogDebug(exception, "EfReadCache could not subscribe to invalidations yet; it retries on reconnect.");
        }
    }

    // Proves the subscription delivers: publish a nonce and wait to receive it.
    private async Task ConfirmSubscriptionAsync()
    {
        var nonce = Guid.NewGuid().ToString("N");
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _probes[nonce] = received;
        try
        {
            if (!_multiplexer.GetSubscriber().IsConnected(_channel))
            {
                await SubscribeAsync().ConfigureAwait(false);
            }

            await PublishAsync(string.Join('|', MessageVersion, _sourceId, "probe", "", nonce)).ConfigureAwait(false);
            await received.Task.WaitAsync(_timeout).ConfigureAwait(false);
            _view.Clear();
            _subscribed = true;
        }
        finally
        {
            _probes.TryRemove(nonce, out _);
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue value)
    {
        var parts = ((string?)value)?.Split('|', 5);
        if (parts is not { Length: 5 } || parts[0] != MessageVersion)
        {
            return; // another format version shares the channel name only if the prefix is shared; ignore it
        }

        switch (parts[2])
        {
            case "t":
                _view.Forget(parts[3], parts[4].Split('\n'));
                break;
            case "all":
                Flush(EvictionReason.Cleared);
                break;
            case "probe":
                if (_probes.TryGetValue(parts[4], out var probe))
                {
                    probe.TrySetResult();
                }

                return;
        }

        MessageApplied?.Invoke(parts[2]);
    }
}
