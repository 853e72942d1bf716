using System.Collections.Concurrent;
using EfReadCache.Diagnostics;

namespace EfReadCache.Tests.Infrastructure;

/// <summary>Records every event a cache raises.</summary>
public sealed class EventRecorder
{
    private readonly ConcurrentQueue<ReadCacheEventArgs> _events = new();

    public EventRecorder(ReadCache cache) => cache.Events.All += (_, e) => _events.Enqueue(e);

    public IReadOnlyList<ReadCacheEventArgs> Events => [.. _events];

    public int Count(ReadCacheEventKind kind) => _events.Count(e => e.Kind == kind);

    public int Count(ReadCacheBypassReason reason) => _events.Count(e => e.Kind == ReadCacheEventKind.Bypass && e.BypassReason == reason);

    public void Clear() => _events.Clear();
}
