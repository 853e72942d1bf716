using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class PostgresRedisReplayTests(PostgresRedisFixture fixture) : ReplayTests<PostgresRedisFixture>(fixture), IClassFixture<PostgresRedisFixture>;
