using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class PostgresRedisInvalidationTests(PostgresRedisFixture fixture) : InvalidationTests<PostgresRedisFixture>(fixture), IClassFixture<PostgresRedisFixture>;
