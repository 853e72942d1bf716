using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class PostgresRedisInsightsTests(PostgresRedisFixture fixture) : InsightsTests<PostgresRedisFixture>(fixture), IClassFixture<PostgresRedisFixture>;
