using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class SqliteRedisReplayTests(SqliteRedisFixture fixture) : ReplayTests<SqliteRedisFixture>(fixture), IClassFixture<SqliteRedisFixture>;
