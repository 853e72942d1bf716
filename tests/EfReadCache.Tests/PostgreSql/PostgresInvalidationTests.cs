using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Specification;

namespace EfReadCache.Tests.PostgreSql;

public sealed class PostgresInvalidationTests(PostgresFixture fixture) : InvalidationTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
