using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.PostgreSql;

public sealed class PostgresInsightsTests(PostgresFixture fixture) : InsightsTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
