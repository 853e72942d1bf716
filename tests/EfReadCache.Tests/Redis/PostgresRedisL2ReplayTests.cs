using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.Redis;

/// <summary>The replay suite with every hit read back from Redis: the entry format round-trips what Npgsql returns (arrays, enums, jsonb, intervals...).</summary>
public sealed class PostgresRedisL2ReplayTests(PostgresRedisL2Fixture fixture) : ReplayTests<PostgresRedisL2Fixture>(fixture), IClassFixture<PostgresRedisL2Fixture>;
