using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

/// <summary>The replay suite with every hit read back from Redis: the entry format round-trips what SQLite returns.</summary>
public sealed class SqliteRedisL2ReplayTests(SqliteRedisL2Fixture fixture) : ReplayTests<SqliteRedisL2Fixture>(fixture), IClassFixture<SqliteRedisL2Fixture>;
