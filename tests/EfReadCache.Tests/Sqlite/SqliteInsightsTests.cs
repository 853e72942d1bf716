using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Sqlite;

public sealed class SqliteInsightsTests(SqliteFixture fixture) : InsightsTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;
