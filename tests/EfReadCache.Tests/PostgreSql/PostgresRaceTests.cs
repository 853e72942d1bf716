using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.PostgreSql;

public sealed class PostgresRaceTests(PostgresFixture fixture) : RaceTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
