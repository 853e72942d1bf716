using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     The identity of the database a connection reaches: the connection's type and the parts of its connection string
///     that select data (host, port, database, file, user, search path), never its secrets. Two databases, or two users
///     whose row-level rights differ, never share an identity. A private in-memory SQLite database is private to its
///     connection, and so is its identity.
/// </remarks>
public static class DatabaseIdentity
{
    private static readonly ConcurrentDictionary<(Type, string), string> Identities = new();
    private static readonly ConditionalWeakTable<DbConnection, string> PrivateIdentities = new();

    private static readonly HashSet<string> IdentityKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "server", "data source", "datasource", "address", "addr", "network address", "hostname",
        "port", "database", "initial catalog", "db", "filename", "attachdbfilename",
        "user id", "userid", "uid", "user", "username", "user name",
        "search path", "searchpath", "schema", "role",
    };

    /// <summary>The identity of the database a connection reaches.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>A string that identifies the database without secrets.</returns>
    public static string Of(DbConnection connection)
    {
        var connectionString = connection.ConnectionString ?? "";
        var type = connection.GetType();
        if (Identities.TryGetValue((type, connectionString), out var identity))
        {
            return identity;
        }

        identity = Compute(type, connectionString, out var isPrivate);
        if (isPrivate)
        {
            return PrivateIdentities.GetValue(connection, _ => identity + ";connection=" + Guid.NewGuid().ToString("N"));
        }

        if (Identities.Count > 10_000)
        {
            Identities.Clear();
        }

        Identities[(type, connectionString)] = identity;
        return identity;
    }

    private static string Compute(Type type, string connectionString, out bool isPrivate)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            isPrivate = true;
            return type.Name;
        }

        var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string key in builder.Keys)
        {
            if (IdentityKeys.Contains(key))
            {
                parts[Canonical(key)] = builder[key]?.ToString() ?? "";
            }
        }

        isPrivate = false;
        if (type.Name.Contains("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var source = parts.GetValueOrDefault("data source", "");
            var memory = source is ":memory:" or ""
                || (builder.TryGetValue("mode", out var mode) && string.Equals(mode?.ToString(), "memory", StringComparison.OrdinalIgnoreCase));
            var shared = builder.TryGetValue("cache", out var cache) && string.Equals(cache?.ToString(), "shared", StringComparison.OrdinalIgnoreCase);
            if (memory)
            {
                isPrivate = !shared || source is ":memory:" or "";
                parts["data source"] = "memory:" + source;
            }
            else
            {
                parts["data source"] = Path.GetFullPath(source);
            }
        }

        return type.Name + ";" + string.Join(";", parts.Select(p => p.Key + "=" + p.Value));
    }

    private static string Canonical(string key)
        => key.ToLowerInvariant() switch
        {
            "server" or "address" or "addr" or "network address" or "hostname" => "host",
            "datasource" or "filename" => "data source",
            "initial catalog" or "db" => "database",
            "userid" or "uid" or "user" or "username" or "user name" => "user id",
            "searchpath" => "search path",
            var other => other,
        };
}
