using System.Collections.Concurrent;
using System.Diagnostics;

namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     <para>
///         Dedicated threads that run the store's Redis commands over blocking connections and complete a task per
///         command. The completion is signaled by the I/O thread itself, so a caller that blocks on the task (EF's
///         synchronous paths, when the engine waits on an asynchronous store call) is released without any thread-pool
///         thread, and a pool starved by such callers cannot delay Redis replies into timeouts. Awaiting callers resume
///         on the pool as usual.
///     </para>
///     <para>A command that waited in the queue longer than the operation timeout fails without being sent.</para>
/// </remarks>
public sealed class RedisIoThreads : IDisposable
{
    private readonly BlockingCollection<WorkItem> _queue = new(new ConcurrentQueue<WorkItem>());
    private readonly RespConnectionPool _pool;
    private readonly TimeSpan _timeout;

    /// <summary>Starts the threads.</summary>
    /// <param name="pool">The blocking connections.</param>
    /// <param name="threads">How many threads.</param>
    /// <param name="timeout">The bound on queueing plus running one command.</param>
    public RedisIoThreads(RespConnectionPool pool, int threads, TimeSpan timeout)
    {
        _pool = pool;
        _timeout = timeout;
        for (var i = 0; i < threads; i++)
        {
            new Thread(Run) { IsBackground = true, Name = "EfReadCache.Redis I/O " + i }.Start();
        }
    }

    /// <summary>Queues a command.</summary>
    /// <param name="command">The command and its arguments.</param>
    /// <returns>The reply.</returns>
    public Task<object?> ExecuteAsync(byte[][] command)
    {
        var item = new WorkItem(command, Stopwatch.GetTimestamp(), new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            _queue.Add(item);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(RedisIoThreads));
        }

        return item.Completion.Task;
    }

    /// <inheritdoc />
    public void Dispose() => _queue.CompleteAdding();

    private void Run()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            if (Stopwatch.GetElapsedTime(item.Queued) > _timeout)
            {
                item.Completion.TrySetException(new TimeoutException($"A Redis command waited more than {_timeout.TotalMilliseconds:0} ms to be sent."));
                continue;
            }

            try
            {
                item.Completion.TrySetResult(_pool.Execute(item.Command));
            }
            catch (Exception exception)
            {
                item.Completion.TrySetException(exception);
            }
        }
    }

    private sealed record WorkItem(byte[][] Command, long Queued, TaskCompletionSource<object?> Completion);
}
