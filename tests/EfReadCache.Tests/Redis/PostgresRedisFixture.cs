using EfReadCache.Tests.Infrastructure;

namespace EfReadCache.Tests.Redis;

/// <summary>PostgreSQL with the Redis store; every cache gets its own key prefix, so tests share the server safely.</summary>
public sealed class PostgresRedisFixture : PostgresFixture
{
    public override ReadCacheOptions CreateCacheOptions()
    {
        var options = base.CreateCacheOptions();
        options.StoreFactory = RedisTestServer.Factory();
        return options;
    }
}
