using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class SqliteRedisKeyTests(SqliteRedisFixture fixture) : KeyTests<SqliteRedisFixture>(fixture), IClassFixture<SqliteRedisFixture>;
