using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class PostgresRedisTransactionTests(PostgresRedisFixture fixture) : TransactionTests<PostgresRedisFixture>(fixture), IClassFixture<PostgresRedisFixture>;
