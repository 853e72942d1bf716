using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.PostgreSql;

public sealed class PostgresReplayTests(PostgresFixture fixture) : ReplayTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
