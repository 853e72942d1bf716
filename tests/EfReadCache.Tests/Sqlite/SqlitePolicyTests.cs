using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Sqlite;

public sealed class SqlitePolicyTests(SqliteFixture fixture) : PolicyTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;
