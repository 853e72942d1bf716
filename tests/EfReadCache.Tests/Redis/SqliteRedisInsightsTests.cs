using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class SqliteRedisInsightsTests(SqliteRedisFixture fixture) : InsightsTests<SqliteRedisFixture>(fixture), IClassFixture<SqliteRedisFixture>;
