using System.Data;
using EfReadCache.Internal.Replay;
using EfReadCache.Storage;

namespace EfReadCache.Benchmarks.Infrastructure;

/// <summary>Puts many small entries straight into a cache's store, half on one table and half on another.</summary>
public static class StoreFiller
{
    public static async Task FillAsync(ReadCache cache, string database, int entries)
    {
        var posts = new TableSet(database, ["posts", "*"]);
        var blogs = new TableSet(database, ["blogs", "*"]);
        var set = new BufferedResultSet(["Id"], [typeof(int)], ["INTEGER"], [[1]]);
        var payload = new BufferedResult([set], -1, 64, TimeSpan.FromMilliseconds(1));
        var memory = cache.Store as Storage.Internal.MemoryReadCacheStore;
        for (var i = 0; i < entries; i++)
        {
            var key = new CacheKey("efrc", "Sqlite", database, "SELECT \"Id\" FROM \"Posts\" WHERE \"Id\" = @p", [new CacheKeyParameter("@p", DbType.Int32, i)],
                CommandBehavior.Default);
            var tables = (i & 1) == 0 ? posts : blogs;
            var lookup = memory is null ? await cache.Store.LookupAsync(key, tables) : memory.Lookup(key, tables);
            var entry = new CacheEntry(payload, tables, lookup.Snapshot!, TimeSpan.FromHours(1), false, payload.SizeBytes);
            if (!(memory?.TryStore(key, entry) ?? await cache.Store.TryStoreAsync(key, entry)))
            {
                throw new InvalidOperationException("The store refused an entry while filling.");
            }
        }

        if (cache.GetStatistics().Entries != entries)
        {
            throw new InvalidOperationException($"Filled {entries} entries, the store holds {cache.GetStatistics().Entries}.");
        }
    }
}
