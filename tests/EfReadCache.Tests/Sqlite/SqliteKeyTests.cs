using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Sqlite;

public sealed class SqliteKeyTests(SqliteFixture fixture) : KeyTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;
