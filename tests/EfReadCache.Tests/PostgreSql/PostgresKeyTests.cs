using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.PostgreSql;

public sealed class PostgresKeyTests(PostgresFixture fixture) : KeyTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
