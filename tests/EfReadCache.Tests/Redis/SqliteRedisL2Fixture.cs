using EfReadCache.Tests.Infrastructure;

namespace EfReadCache.Tests.Redis;

/// <summary>SQLite with the Redis store and no L1: every hit is decoded from the bytes stored in Redis.</summary>
public sealed class SqliteRedisL2Fixture : SqliteFixture
{
    public override ReadCacheOptions CreateCacheOptions()
    {
        var options = base.CreateCacheOptions();
        options.StoreFactory = RedisTestServer.Factory(o => o.UseL1 = false);
        return options;
    }
}
