using Microsoft.Extensions.Logging;

namespace EfReadCache.Diagnostics;

/// <summary>
///     The events of one <see cref="ReadCache" />. Handlers run inline on the thread that caused the event, so keep them
///     short; an exception thrown by a handler is logged and never reaches the query.
/// </summary>
public sealed class ReadCacheEvents
{
    private readonly ILogger _logger;
    private volatile bool _hasHandlers;

    internal ReadCacheEvents(ILogger logger) => _logger = logger;

    /// <summary>Every event, whatever its kind.</summary>
    public event EventHandler<ReadCacheEventArgs>? All
    {
        add => Subscribe(ref _all, value);
        remove => Unsubscribe(ref _all, value);
    }

    /// <summary>A query was answered from the cache.</summary>
    public event EventHandler<ReadCacheEventArgs>? Hit
    {
        add => Subscribe(ref _hit, value);
        remove => Unsubscribe(ref _hit, value);
    }

    /// <summary>A cacheable query ran against the database.</summary>
    public event EventHandler<ReadCacheEventArgs>? Miss
    {
        add => Subscribe(ref _miss, value);
        remove => Unsubscribe(ref _miss, value);
    }

    /// <summary>A result was stored.</summary>
    public event EventHandler<ReadCacheEventArgs>? Store
    {
        add => Subscribe(ref _store, value);
        remove => Unsubscribe(ref _store, value);
    }

    /// <summary>An entry left the store.</summary>
    public event EventHandler<ReadCacheEventArgs>? Evict
    {
        add => Subscribe(ref _evict, value);
        remove => Unsubscribe(ref _evict, value);
    }

    /// <summary>Tables were invalidated.</summary>
    public event EventHandler<ReadCacheEventArgs>? Invalidate
    {
        add => Subscribe(ref _invalidate, value);
        remove => Unsubscribe(ref _invalidate, value);
    }

    /// <summary>A cacheable query went to the database without the cache.</summary>
    public event EventHandler<ReadCacheEventArgs>? Bypass
    {
        add => Subscribe(ref _bypass, value);
        remove => Unsubscribe(ref _bypass, value);
    }

    private EventHandler<ReadCacheEventArgs>? _all, _hit, _miss, _store, _evict, _invalidate, _bypass;

    internal bool HasHandlers => _hasHandlers;

    internal void Raise(object sender, ReadCacheEventArgs args)
    {
        var specific = args.Kind switch
        {
            ReadCacheEventKind.Hit => _hit,
            ReadCacheEventKind.Miss => _miss,
            ReadCacheEventKind.Store => _store,
            ReadCacheEventKind.Evict => _evict,
            ReadCacheEventKind.Invalidate => _invalidate,
            _ => _bypass,
        };
        Invoke(specific, sender, args);
        Invoke(_all, sender, args);
    }

    private void Invoke(EventHandler<ReadCacheEventArgs>? handlers, object sender, ReadCacheEventArgs args)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((EventHandler<ReadCacheEventArgs>)handler)(sender, args);
            }
            catch (Exception exception)
            {
                _logger.LogWarning(exception, "An EfReadCache event handler for {Kind} threw; the exception was ignored.", args.Kind);
            }
        }
    }

    private void Subscribe(ref EventHandler<ReadCacheEventArgs>? field, EventHandler<ReadCacheEventArgs>? handler)
    {
        lock (this)
        {
            field += handler;
            _hasHandlers = true;
        }
    }

    private void Unsubscribe(ref EventHandler<ReadCacheEventArgs>? field, EventHandler<ReadCacheEventArgs>? handler)
    {
        lock (this)
        {
            field -= handler;
            _hasHandlers = (_all ?? _hit ?? _miss ?? _store ?? _evict ?? _invalidate ?? _bypass) is not null;
        }
    }
}
