using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class SqliteRedisRaceTests(SqliteRedisFixture fixture) : RaceTests<SqliteRedisFixture>(fixture), IClassFixture<SqliteRedisFixture>;
