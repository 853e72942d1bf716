using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

public sealed class PostgresRedisRaceTests(PostgresRedisFixture fixture) : RaceTests<PostgresRedisFixture>(fixture), IClassFixture<PostgresRedisFixture>;
