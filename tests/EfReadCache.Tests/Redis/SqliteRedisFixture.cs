using EfReadCache.Tests.Infrastructure;

namespace EfReadCache.Tests.Redis;

/// <summary>SQLite with the Redis store; every cache gets its own key prefix, so tests share the server safely.</summary>
public sealed class SqliteRedisFixture : SqliteFixture
{
    public override ReadCacheOptions CreateCacheOptions()
    {
        var options = base.CreateCacheOptions();
        options.StoreFactory = RedisTestServer.Factory();
        return options;
    }
}
