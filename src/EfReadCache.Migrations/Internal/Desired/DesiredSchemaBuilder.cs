using System.Data.Common;
using EfReadCache.Migrations.Internal.Apply;
using EfReadCache.Migrations.Internal.Introspection;
using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Desired;

/// <summary>
///     Renders the model's create script into a scratch place and introspects it with the same reader as the live
///     database, so both sides are normalized by the server itself. SQLite: a <c>:memory:</c> database. PostgreSQL: a new
///     schema inside a savepoint that is rolled back.
/// </summary>
internal static class DesiredSchemaBuilder
{
    public static async Task<DatabaseSnapshot> BuildAsync(MigrationSession session, ModelSchemaSource source, CancellationToken cancellationToken)
        => session.Dialect == SchemaDialect.Sqlite
            ? await BuildSqliteAsync(session, source, cancellationToken).ConfigureAwait(false)
            : await BuildPostgresAsync(session, source, cancellationToken).ConfigureAwait(false);

    private static async Task<DatabaseSnapshot> BuildSqliteAsync(MigrationSession session, ModelSchemaSource source, CancellationToken cancellationToken)
    {
        // A connection of the same provider: its factory when it has one, else a new instance of its type.
        await using var scratch = DbProviderFactories.GetFactory(session.Connection)?.CreateConnection()
            ?? (DbConnection)Activator.CreateInstance(session.Connection.GetType())!;
        scratch.ConnectionString = "Data Source=:memory:";
        await scratch.OpenAsync(cancellationToken).ConfigureAwait(false);
        var scratchSession = new MigrationSession(scratch, SchemaDialect.Sqlite, session.CommandTimeoutSeconds);
        foreach (var statement in source.CreateScript)
        {
            await RunAsync(scratchSession, statement, cancellationToken).ConfigureAwait(false);
        }

        return await SqliteSchemaReader.Instance.ReadAsync(scratchSession, null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DatabaseSnapshot> BuildPostgresAsync(MigrationSession session, ModelSchemaSource source, CancellationToken cancellationToken)
    {
        var scratchSchema = "efrc_scratch_" + Guid.NewGuid().ToString("N")[..12];
        var searchPath = (string)(await session.QueryAsync("SELECT current_setting('search_path')", cancellationToken).ConfigureAwait(false))[0][0]!;
        await session.ExecuteAsync("SAVEPOINT efrc_scratch", cancellationToken).ConfigureAwait(false);
        try
        {
            await session.ExecuteAsync($"CREATE SCHEMA {Sql.Quote(scratchSchema)}", cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync(
                $"SELECT set_config('search_path', {Sql.Literal(Sql.Quote(scratchSchema))} || ', ' || current_setting('search_path'), true)",
                cancellationToken).ConfigureAwait(false);
            foreach (var statement in source.CreateScript)
            {
                var text = source.Schema is null ? statement : RedirectSchema(statement, source.Schema, scratchSchema);
                await RunAsync(session, text, cancellationToken).ConfigureAwait(false);
            }

            return await PostgresSchemaReader.Instance.ReadAsync(session, scratchSchema, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await session.ExecuteAsync("ROLLBACK TO SAVEPOINT efrc_scratch", CancellationToken.None).ConfigureAwait(false);
            await session.ExecuteAsync("RELEASE SAVEPOINT efrc_scratch", CancellationToken.None).ConfigureAwait(false);
            await session.ExecuteAsync($"SELECT set_config('search_path', {Sql.Literal(searchPath)}, true)", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Points the model's schema-qualified names (<c>"app".</c> or <c>app."</c>) at the scratch schema.</summary>
    private static string RedirectSchema(string statement, string schema, string scratchSchema)
    {
        var text = statement.Replace(Sql.Quote(schema) + ".", Sql.Quote(scratchSchema) + ".", StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(
            text, $@"(?<![\w""$]){System.Text.RegularExpressions.Regex.Escape(schema)}\.(?="")", Sql.Quote(scratchSchema) + ".");
    }

    private static async Task RunAsync(MigrationSession session, string statement, CancellationToken cancellationToken)
    {
        try
        {
            await session.ExecuteAsync(statement, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            throw new SchemaMigrationException(
                $"The model's create script failed in the scratch database ({exception.Message}). Statement:\n{statement}",
                innerException: exception);
        }
    }
}
