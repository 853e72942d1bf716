using EfReadCache;
using EfReadCache.Diagnostics;
using EfReadCache.Sample;
using EfReadCache.Sample.Data;
using Microsoft.EntityFrameworkCore;

// The sample blog: the schema comes from the model through the schema-diff migrator, then a day of traffic runs
// twice: once without the cache and once with it. Both runs must see the same data; the second should be faster.
var requests = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 2000;
Console.WriteLine($"EfReadCache sample: {SampleDatabase.Provider} at {Redact(SampleDatabase.ConnectionString)}");

var cache = new ReadCache(new ReadCacheOptions { DefaultExpiration = TimeSpan.FromMinutes(5), MaxEntries = 1000 });
var evictions = 0;
cache.Events.Evict += (_, e) => Interlocked.Add(ref evictions, e.RowCount);

BlogContext Cached() => new(SampleDatabase.Configure(new DbContextOptionsBuilder<BlogContext>()).UseReadCache(cache).Options);
BlogContext Uncached() => new(SampleDatabase.Configure(new DbContextOptionsBuilder<BlogContext>()).Options);

await using (var db = Cached())
{
    var schema = await db.Database.ApplySchemaAsync();
    Console.WriteLine(schema.Applied
        ? $"Schema: applied {schema.Plan.Operations.Count} operation(s) to make the database match the model."
        : "Schema: the database already matches the model.");
    await SampleData.SeedAsync(db);
}

// Warm up both paths first, so neither run pays EF's one-time query compilation.
await Traffic.RunAsync(Uncached, 100, seed: 1);
await Traffic.RunAsync(Cached, 100, seed: 1);
cache.ResetStatistics();
evictions = 0;

var plain = await Traffic.RunAsync(Uncached, requests, seed: 7);
var cached = await Traffic.RunAsync(Cached, requests, seed: 7);

// After all those writes, every page served from the cache must equal what the database says now.
var stale = await Traffic.VerifyAsync(Cached, Uncached);
if (stale.Count > 0)
{
    Console.Error.WriteLine("Cached pages differ from the database (this is a bug, please report it): " + string.Join(", ", stale));
    return 1;
}

var stats = cache.GetStatistics();
Console.WriteLine();
Console.WriteLine($"Traffic: {requests} requests ({cached.Reads} reads, {cached.Writes} writes), the same sequence twice.");
Console.WriteLine($"  without the cache: {plain.Elapsed.TotalMilliseconds,8:0} ms");
Console.WriteLine($"  with EfReadCache:  {cached.Elapsed.TotalMilliseconds,8:0} ms");
Console.WriteLine($"  verified: all {Traffic.PageCount} pages read through the cache match the database after {cached.Writes} writes.");
Console.WriteLine();
Console.WriteLine("What the cache did:");
Console.WriteLine($"  hits          {stats.Hits,8}   hit ratio {stats.HitRatio:P1}");
Console.WriteLine($"  misses        {stats.Misses,8}   (queries that ran and were stored: {stats.Stores})");
Console.WriteLine($"  invalidations {stats.Invalidations,8}   (tables marked changed by the writes)");
Console.WriteLine($"  evictions     {evictions,8}   (entries removed: stale, expired or over capacity)");
Console.WriteLine($"  bypasses      {stats.Bypasses.Values.Sum(),8}   {string.Join(", ", stats.Bypasses.Select(b => $"{b.Key}={b.Value}"))}");
Console.WriteLine($"  entries now   {stats.Entries,8}   using {stats.Bytes / 1024.0:0.#} KiB");
Console.WriteLine($"  time saved    {stats.TimeSaved.TotalMilliseconds,8:0} ms of database time not spent");
return 0;

static string Redact(string connectionString)
    => string.Join(';', connectionString.Split(';').Where(p => !p.StartsWith("Password", StringComparison.OrdinalIgnoreCase)));
