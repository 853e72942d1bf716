using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using EfReadCache.Internal.Sql;

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
    private static readonly ConcurrentDictionary<(Type, string), Entry> Identities = new();
    private static readonly ConditionalWeakTable<DbConnection, Entry> PrivateIdentities = new();
    private static Entry? _last;

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
    public static string Of(DbConnection connection) => Find(connection).Identity;

    /// <summary>
    ///     The identity of the database a connection reaches and the SQL dialect of the provider that reaches it. The
    ///     dialect is asked of the session once per identity, not once per context: a database is reached by one provider.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="session">The session of the context that uses the connection.</param>
    /// <returns>The identity and the dialect.</returns>
    public static (string Identity, SqlDialect Dialect) Resolve(DbConnection connection, ReadCacheSession session)
    {
        var entry = Find(connection);
        var dialect = entry.Dialect;
        if (dialect is null)
        {
            dialect = session.Dialect;
            entry.Dialect = dialect;
        }

        return (entry.Identity, dialect.Value);
    }

    private static Entry Find(DbConnection connection)
    {
        var connectionString = connection.ConnectionString ?? "";
        var type = connection.GetType();

        // Contexts made from one options instance hand their connections the same string: compare references first.
        var last = _last;
        if (last is not null && ReferenceEquals(last.ConnectionString, connectionString) && last.Type == type)
        {
            return last;
        }

        if (Identities.TryGetValue((type, connectionString), out var entry))
        {
            _last = entry;
            return entry;
        }

        var identity = Compute(type, connectionString, out var isPrivate);
        if (isPrivate)
        {
            return PrivateIdentities.GetValue(
                connection, _ => new Entry(type, connectionString, identity + ";connection=" + Guid.NewGuid().ToString("N")));
        }

        if (Identities.Count > 10_000)
        {
            Identities.Clear();
        }

        entry = Identities.GetOrAdd((type, connectionString), new Entry(type, connectionString, identity));
        _last = entry;
        return entry;
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

    private sealed class Entry(Type type, string connectionString, string identity)
    {
        public Type Type { get; } = type;

        public string ConnectionString { get; } = connectionString;

        public string Identity { get; } = identity;

        private int _dialect = -1;

        // One int, so a reader never sees half a write; racing writers write the same value.
        public SqlDialect? Dialect
        {
            get
            {
                var dialect = Volatile.Read(ref _dialect);
                return dialect < 0 ? null : (SqlDialect)dialect;
            }
            set => Volatile.Write(ref _dialect, value is { } dialect ? (int)dialect : -1);
        }
    }
}
