using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class SqliteRedisPolicyTests(SqliteRedisFixture fixture) : PolicyTests<SqliteRedisFixture>(fixture), IClassFixture<SqliteRedisFixture>;
