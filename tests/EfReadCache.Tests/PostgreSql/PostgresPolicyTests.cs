using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.PostgreSql;

public sealed class PostgresPolicyTests(PostgresFixture fixture) : PolicyTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
