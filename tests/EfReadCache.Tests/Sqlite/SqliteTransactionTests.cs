using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Sqlite;

public sealed class SqliteTransactionTests(SqliteFixture fixture) : TransactionTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;
