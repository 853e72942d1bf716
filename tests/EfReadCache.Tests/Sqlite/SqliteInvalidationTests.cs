using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Sqlite;

public sealed class SqliteInvalidationTests(SqliteFixture fixture) : InvalidationTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;
