using System.Data;
using EfReadCache.Storage;
using EfReadCache.Storage.Internal;
using EfReadCache.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace EfReadCache.Tests.Unit;

public sealed class MemoryStoreTests
{
    private static (MemoryReadCacheStore Store, List<(EvictionReason, long)> Evictions) Create(long maxEntries = 1000, long maxBytes = 1 << 30, TimeProvider? time = null)
    {
        var evictions = new List<(EvictionReason, long)>();
        var options = new ReadCacheOptions { MaxEntries = maxEntries, MaxBytes = maxBytes, TimeProvider = time ?? TimeProvider.System };
        return (new MemoryReadCacheStore(new StoreContext(options, NullLogger.Instance, (r, c) => evictions.Add((r, c)))), evictions);
    }

    private static CacheKey Key(int i) => new("p", "x", "db", "SELECT " + i, [], CommandBehavior.Default);

    private static readonly TableSet Tables = new("db", ["blogs", "*"]);

    private static bool Store(MemoryReadCacheStore store, int i, long size = 100, TableSet? tables = null)
    {
        tables ??= Tables;
        var lookup = store.Lookup(Key(i), tables);
        return lookup.Snapshot is { } snapshot // a hit or a pending table gives no snapshot: nothing to store
            && store.TryStore(Key(i), new CacheEntry("payload " + i, tables, snapshot, TimeSpan.FromMinutes(5), false, size));
    }

    [Fact]
    public void A_stored_entry_hits_until_one_of_its_tables_is_written()
    {
        var (store, _) = Create();
        Assert.True(Store(store, 1));
        Assert.True(store.Lookup(Key(1), Tables).IsHit);
        var ticket = store.BeginWrite(new TableSet("db", ["blogs"]), TimeSpan.FromMinutes(1));
        Assert.True(store.Lookup(Key(1), Tables).IsPending);
        store.EndWrite(ticket);
        Assert.False(store.Lookup(Key(1), Tables).IsHit);
        Assert.Equal(0, store.GetStatistics().Entries); // the first lookup that saw the moved token dropped it
    }

    [Fact]
    public void A_store_whose_snapshot_is_older_than_a_write_is_refused()
    {
        var (store, _) = Create();
        var snapshot = store.Lookup(Key(1), Tables).Snapshot!;
        store.EndWrite(store.BeginWrite(new TableSet("db", ["blogs"]), TimeSpan.FromMinutes(1)));
        Assert.False(store.TryStore(Key(1), new CacheEntry("old", Tables, snapshot, TimeSpan.FromMinutes(1), false, 10)));
        Assert.False(store.Lookup(Key(1), Tables).IsHit);
    }

    [Fact]
    public void Writes_to_other_tables_or_databases_leave_entries_valid()
    {
        var (store, _) = Create();
        Assert.True(Store(store, 1));
        store.EndWrite(store.BeginWrite(new TableSet("db", ["posts"]), TimeSpan.FromMinutes(1)));
        store.EndWrite(store.BeginWrite(new TableSet("other-db", ["blogs"]), TimeSpan.FromMinutes(1)));
        Assert.True(store.Lookup(Key(1), Tables).IsHit);
    }

    [Fact]
    public void A_pending_mark_lapses_with_its_lease()
    {
        var clock = new FakeTimeProvider();
        var (store, _) = Create(time: clock);
        store.BeginWrite(new TableSet("db", ["blogs"]), TimeSpan.FromSeconds(30)); // the writer never reports back
        Assert.True(store.Lookup(Key(1), Tables).IsPending);
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.False(store.Lookup(Key(1), Tables).IsPending);
        Assert.True(Store(store, 1));
    }

    [Fact]
    public void The_entry_limit_holds_and_recently_hit_entries_survive_eviction()
    {
        var (store, evictions) = Create(maxEntries: 100);
        for (var i = 0; i < 100; i++)
        {
            Store(store, i);
        }

        for (var i = 0; i < 10; i++)
        {
            Assert.True(store.Lookup(Key(i), Tables).IsHit); // sets their reference bits
        }

        for (var i = 100; i < 1000; i++)
        {
            Store(store, i);
            Assert.True(store.GetStatistics().Entries <= 100);
        }

        Assert.Equal(900, evictions.Where(e => e.Item1 == EvictionReason.Capacity).Sum(e => e.Item2));
        Assert.True(store.Lookup(Key(999), Tables).IsHit);
    }

    [Fact]
    public void The_byte_limit_holds_within_ten_percent_and_oversized_entries_are_refused()
    {
        var (store, _) = Create(maxBytes: 100_000);
        for (var i = 0; i < 5000; i++)
        {
            Store(store, i, size: 1000 + i % 500);
            Assert.True(store.GetStatistics().Bytes <= 110_000, store.GetStatistics().ToString());
        }

        Assert.False(Store(store, -1, size: 200_000));
    }

    [Fact]
    public async Task Invalidate_all_removes_every_entry()
    {
        var (store, evictions) = Create();
        Store(store, 1);
        Store(store, 2, tables: new TableSet("db2", ["tags", "*"]));
        await store.InvalidateAllAsync();
        Assert.Equal(0, store.GetStatistics().Entries);
        Assert.Contains((EvictionReason.Cleared, 2L), evictions);
    }

    [Fact]
    public void Concurrent_hits_stores_and_writes_keep_counters_consistent()
    {
        var (store, _) = Create(maxEntries: 64);
        Parallel.For(0, 20_000, i =>
        {
            switch (i % 10)
            {
                case 0:
                    store.EndWrite(store.BeginWrite(new TableSet("db", ["blogs"]), TimeSpan.FromMinutes(1)));
                    break;
                case < 5:
                    Store(store, i % 200);
                    break;
                default:
                    store.Lookup(Key(i % 200), Tables);
                    break;
            }
        });
        var stats = store.GetStatistics();
        Assert.InRange(stats.Entries, 0, 64);
        Assert.True(stats.Bytes >= 0);
    }
}
