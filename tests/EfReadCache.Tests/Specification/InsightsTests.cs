using System.Diagnostics.Metrics;
using EfReadCache.Diagnostics;
using EfReadCache.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Specification;

/// <summary>Events, statistics and the EfReadCache Meter report what the cache did.</summary>
public abstract class InsightsTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task Events_statistics_and_metrics_report_hits_misses_stores_invalidations_and_evictions()
    {
        using var cache = Fixture.CreateCache(o => o.MaxEntries = 1);
        var events = new EventRecorder(cache);
        var measurements = new List<(string Name, long Value, string? Reason)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Other tests' caches publish under the same Meter name; this cache's Meter carries its key prefix.
            if (instrument.Meter.Name == ReadCacheDiagnostics.Name
                && instrument.Meter.Tags?.Any(t => t.Key == ReadCacheDiagnostics.CacheTag && Equals(t.Value, cache.Options.KeyPrefix)) == true)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? reason = null;
            foreach (var tag in tags)
            {
                if (tag.Key == ReadCacheDiagnostics.ReasonTag)
                {
                    reason = tag.Value?.ToString();
                }
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, reason));
            }
        });
        var durations = 0;
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => Interlocked.Increment(ref durations));
        listener.Start();

        await using (var context = Fixture.CreateContext(cache))
        {
            await context.Tags.Cacheable().ToListAsync(); // miss + store
            await context.Tags.Cacheable().ToListAsync(); // hit
            await context.Blogs.Cacheable().ToListAsync(); // miss + store, evicts Tags (one entry max)
            context.Tags.Add(new Model.Tag { Name = "insight " + Guid.NewGuid().ToString("N")[..6] });
            await context.SaveChangesAsync(); // invalidates tags
        }

        var stats = cache.GetStatistics();
        Assert.Equal(1, stats.Hits);
        Assert.Equal(2, stats.Misses);
        Assert.Equal(2, stats.Stores);
        Assert.Equal(1.0 / 3, stats.HitRatio, 6);
        Assert.Equal(1, stats.Entries);
        Assert.True(stats.Bytes > 0);
        Assert.Equal(1, stats.Evictions);
        Assert.True(stats.Invalidations >= 1);
        Assert.True(stats.TimeSaved >= TimeSpan.Zero);

        Assert.Equal(1, events.Count(ReadCacheEventKind.Hit));
        Assert.Equal(2, events.Count(ReadCacheEventKind.Miss));
        Assert.Equal(2, events.Count(ReadCacheEventKind.Store));
        Assert.Equal(1, events.Count(ReadCacheEventKind.Evict));
        Assert.Contains(events.Events, e => e.Kind == ReadCacheEventKind.Invalidate && e.Tables.Contains("tags"));
        var hit = events.Events.Single(e => e.Kind == ReadCacheEventKind.Hit);
        Assert.Equal(events.Events.First(e => e.Kind == ReadCacheEventKind.Miss).KeyId, hit.KeyId);
        Assert.Contains("tags", hit.Tables);
        Assert.True(hit.RowCount >= 5);
        Assert.Equal(EfReadCache.Storage.EvictionReason.Capacity, events.Events.Single(e => e.Kind == ReadCacheEventKind.Evict).EvictionReason);

        lock (measurements)
        {
            Assert.Equal(1, measurements.Where(m => m.Name == ReadCacheDiagnostics.HitsInstrument).Sum(m => m.Value));
            Assert.Equal(2, measurements.Where(m => m.Name == ReadCacheDiagnostics.MissesInstrument).Sum(m => m.Value));
            Assert.Contains(measurements, m => m.Name == ReadCacheDiagnostics.EvictionsInstrument && m.Reason == "Capacity");
            Assert.Contains(measurements, m => m.Name == ReadCacheDiagnostics.InvalidationsInstrument);
        }

        Assert.True(durations >= 3); // one lookup-duration measurement per hit and miss
    }

    [Fact]
    public async Task Misses_and_writes_are_traced_through_the_EfReadCache_ActivitySource()
    {
        using var cache = Fixture.CreateCache();
        var table = "act_" + Guid.NewGuid().ToString("N")[..10];
        var traced = new List<string>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == ReadCacheDiagnostics.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("efreadcache.tables") is string tables && tables.Contains(table))
                {
                    lock (traced)
                    {
                        traced.Add(activity.OperationName);
                    }
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await using var context = Fixture.CreateContext(cache);
        await context.Database.ExecuteSqlRawAsync($"CREATE TABLE {table} (id INTEGER PRIMARY KEY)");
        await context.Database.SqlQueryRaw<int>($"SELECT id AS \"Value\" FROM {table}").Cacheable().ToListAsync();
        await context.Database.SqlQueryRaw<int>($"SELECT id AS \"Value\" FROM {table}").Cacheable().ToListAsync();
        lock (traced)
        {
            Assert.Equal(["efreadcache.invalidate", "efreadcache.miss"], traced); // a hit is counted, not traced
        }
    }

    [Fact]
    public async Task A_throwing_event_handler_never_reaches_the_query()
    {
        using var cache = Fixture.CreateCache();
        cache.Events.Hit += (_, _) => throw new InvalidOperationException("handler bug");
        cache.Events.Miss += (_, _) => throw new InvalidOperationException("handler bug");
        await using var context = Fixture.CreateContext(cache);
        Assert.NotEmpty(await context.Tags.Cacheable().ToListAsync());
        Assert.NotEmpty(await context.Tags.Cacheable().ToListAsync());
        Assert.Equal(1, cache.GetStatistics().Hits);
    }

    [Fact]
    public async Task Bypasses_are_counted_by_reason()
    {
        using var cache = Fixture.CreateCache(o => o.MaxRowsPerResult = 1);
        await using var context = Fixture.CreateContext(cache);
        await context.Posts.Cacheable().ToListAsync();
        Assert.Equal(1, cache.GetStatistics().Bypasses[ReadCacheBypassReason.TooManyRows]);
    }
}
