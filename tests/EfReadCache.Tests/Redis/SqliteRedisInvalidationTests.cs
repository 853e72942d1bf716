using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class SqliteRedisInvalidationTests(SqliteRedisFixture fixture) : InvalidationTests<SqliteRedisFixture>(fixture), IClassFixture<SqliteRedisFixture>;
