using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class PostgresRedisKeyTests(PostgresRedisFixture fixture) : KeyTests<PostgresRedisFixture>(fixture), IClassFixture<PostgresRedisFixture>;
