using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Sqlite;

public sealed class SqliteReplayTests(SqliteFixture fixture) : ReplayTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;
