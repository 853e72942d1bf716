using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class SqliteRedisTransactionTests(SqliteRedisFixture fixture) : TransactionTests<SqliteRedisFixture>(fixture), IClassFixture<SqliteRedisFixture>;
