using System.Data.Common;

namespace EfReadCache.Migrations.Internal.Apply;

/// <summary>Plain SQL over the context's connection, inside the migrator's transaction when one is open.</summary>
internal sealed class MigrationSession
{
    public MigrationSession(DbConnection connection, SchemaDialect dialect, int commandTimeoutSeconds)
    {
        Connection = connection;
        Dialect = dialect;
        CommandTimeoutSeconds = commandTimeoutSeconds;
    }

    public DbConnection Connection { get; }

    public SchemaDialect Dialect { get; }

    public DbTransaction? Transaction { get; set; }

    public int CommandTimeoutSeconds { get; }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken, int? timeoutSeconds = null)
    {
        await using var command = CreateCommand(sql, [], timeoutSeconds);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> ScalarLongAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, parameters, null);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<object?[]>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, parameters, null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private DbCommand CreateCommand(string sql, (string Name, object? Value)[] parameters, int? timeoutSeconds)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        command.CommandTimeout = timeoutSeconds ?? CommandTimeoutSeconds;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
