using EfReadCache.Migrations.Internal.Apply;
using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Introspection;

/// <summary>Reads one schema of a live database into a <see cref="DatabaseSnapshot" />.</summary>
internal interface ISchemaReader
{
    /// <param name="session">The connection to read through.</param>
    /// <param name="schema">PostgreSQL: the schema to read (<see langword="null" /> for <c>current_schema()</c>). SQLite: ignored.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<DatabaseSnapshot> ReadAsync(MigrationSession session, string? schema, CancellationToken cancellationToken);
}
