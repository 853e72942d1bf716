using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Sqlite;

public sealed class SqliteRaceTests(SqliteFixture fixture) : RaceTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;
