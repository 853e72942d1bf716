using System.Data.Common;
using EfReadCache.Tool.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tool.Worker;

/// <summary>Checks on a created context: its provider, its database, and how to show its connection without secrets.</summary>
internal static class DatabaseProbe
{
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private static readonly string[] SecretKeys = ["password", "pwd", "secret", "token", "key", "passfile"];

    /// <summary>Applies <c>--connection</c>, forces the provider to be resolved, and describes the context.</summary>
    public static ContextReport Describe(CreatedContext created, string? connection)
    {
        var context = created.Context;
        string? provider;
        try
        {
            if (!string.IsNullOrEmpty(connection))
            {
                context.Database.SetConnectionString(connection);
            }

            provider = context.Database.ProviderName;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new ToolException(
                ExitCodes.ProjectOrContext,
                $"{context.GetType().Name} was created ({created.CreatedBy}) but cannot be used: {ex.Message}",
                "Configure its provider (UseSqlite, UseNpgsql) in OnConfiguring, an IDesignTimeDbContextFactory, or AddDbContext.",
                ex.ToString(),
                ex);
        }

        return new ContextReport
        {
            Name = context.GetType().Name,
            FullName = context.GetType().FullName ?? context.GetType().Name,
            CreatedBy = created.CreatedBy,
            Provider = provider,
            Database = context.Database.IsRelational() ? Redact(context.Database.GetConnectionString()) : null,
        };
    }

    /// <summary>Whether the migrator supports this provider.</summary>
    public static bool IsSupported(string? provider) => provider is SqliteProvider or NpgsqlProvider;

    public static string DisplayName(string? provider) => provider switch
    {
        SqliteProvider => "SQLite (" + provider + ")",
        NpgsqlProvider => "PostgreSQL (" + provider + ")",
        _ => provider ?? "none",
    };

    /// <summary>Throws the documented error unless the migrator supports the context's provider.</summary>
    public static void EnsureSupported(DbContext context)
    {
        var provider = context.Database.ProviderName;
        if (!context.Database.IsRelational() || !IsSupported(provider))
        {
            throw new ToolException(
                ExitCodes.ProjectOrContext,
                $"The provider {provider} of {context.GetType().Name} is not supported by the schema migrator.",
                $"The migrator supports SQLite ({SqliteProvider}) and PostgreSQL ({NpgsqlProvider}). "
                + "Use EF Core migrations for other databases.");
        }
    }

    /// <summary>Opens and closes the connection; throws the documented error when the database cannot be reached.</summary>
    public static async Task EnsureReachableAsync(DbContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException or TimeoutException
                                       or System.Net.Sockets.SocketException)
        {
            var database = Redact(context.Database.GetConnectionString());
            var hint = ex.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
                ? "Create the database first (for PostgreSQL: CREATE DATABASE ...), or point --connection at an existing one."
                : context.Database.ProviderName == SqliteProvider
                    ? "Check that the database file's folder exists and is writable, and that the connection string is right; "
                      + "pass --connection to override it."
                    : "Check that the server is running and reachable, and that the connection string (host, port, database, "
                      + "user, password) is right; pass --connection to override it.";
            throw new ToolException(
                ExitCodes.DatabaseUnreachable,
                $"Cannot connect to the database ({database}): {ex.GetBaseException().Message}",
                hint,
                ex.ToString(),
                ex);
        }
    }

    /// <summary>The connection string without passwords or other secrets.</summary>
    public static string? Redact(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return connectionString;
        }

        try
        {
            // Parse to be sure it is a connection string, then keep the user's spelling of the keys.
            _ = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException)
        {
            return "(connection string not shown: it could not be parsed)";
        }

        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(part => !SecretKeys.Any(s => part.Split('=', 2)[0].Contains(s, StringComparison.OrdinalIgnoreCase)));
        return string.Join(";", parts);
    }
}
