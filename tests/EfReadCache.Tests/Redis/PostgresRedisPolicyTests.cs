using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class PostgresRedisPolicyTests(PostgresRedisFixture fixture) : PolicyTests<PostgresRedisFixture>(fixture), IClassFixture<PostgresRedisFixture>;
