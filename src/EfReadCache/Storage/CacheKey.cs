using System.Collections;
using System.Data;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EfReadCache.Storage;

/// <summary>
///     The identity of a cached result: prefix, provider, database identity (without secrets), command text, every
///     parameter's name, type and value, and the command behavior. In memory keys compare in full; shared stores use
///     <see cref="ToSha256" />.
/// </summary>
public sealed class CacheKey : IEquatable<CacheKey>
{
    private readonly int _hash;
    private string? _sha256;

    /// <summary>Creates a key.</summary>
    /// <param name="prefix">The configured key prefix.</param>
    /// <param name="provider">The EF provider name.</param>
    /// <param name="database">The database identity: the connection string without secrets.</param>
    /// <param name="commandText">The SQL.</param>
    /// <param name="parameters">The parameters.</param>
    /// <param name="behavior">The command behavior the reader was asked with.</param>
    /// <param name="commandTextHash">The ordinal hash of <paramref name="commandText" />, when the caller already has it.</param>
    public CacheKey(
        string prefix, string provider, string database, string commandText, CacheKeyParameter[] parameters, CommandBehavior behavior,
        int? commandTextHash = null)
    {
        Prefix = prefix;
        Provider = provider;
        Database = database;
        CommandText = commandText;
        Parameters = parameters;
        Behavior = behavior;
        var hash = new HashCode();
        hash.Add(prefix);
        hash.Add(provider);
        hash.Add(database);
        hash.Add(commandTextHash ?? string.GetHashCode(commandText, StringComparison.Ordinal));
        hash.Add(behavior);
        foreach (var parameter in parameters)
        {
            hash.Add(parameter.Name);
            hash.Add(parameter.DbType);
            hash.Add(ValueHash(parameter.Value));
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>The configured key prefix.</summary>
    public string Prefix { get; }

    /// <summary>The EF provider name.</summary>
    public string Provider { get; }

    /// <summary>The database identity (connection string without secrets).</summary>
    public string Database { get; }

    /// <summary>The SQL.</summary>
    public string CommandText { get; }

    /// <summary>The parameters, in command order.</summary>
    public IReadOnlyList<CacheKeyParameter> Parameters { get; }

    /// <summary>The command behavior.</summary>
    public CommandBehavior Behavior { get; }

    /// <summary>A short, stable identifier for logs and events (the first 12 hex digits of <see cref="ToSha256" />).</summary>
    public string Id => ToSha256()[..12];

    /// <summary>The SHA-256 of the key's canonical form, as lower-case hex. Computed once.</summary>
    /// <returns>64 hex digits.</returns>
    public string ToSha256() => _sha256 ??= ComputeSha256();

    /// <inheritdoc />
    public bool Equals(CacheKey? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || _hash != other._hash || Behavior != other.Behavior || Parameters.Count != other.Parameters.Count
            || !string.Equals(CommandText, other.CommandText, StringComparison.Ordinal)
            || !string.Equals(Database, other.Database, StringComparison.Ordinal)
            || !string.Equals(Provider, other.Provider, StringComparison.Ordinal)
            || !string.Equals(Prefix, other.Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < Parameters.Count; i++)
        {
            var (a, b) = (Parameters[i], other.Parameters[i]);
            if (a.Name != b.Name || a.DbType != b.DbType || !ValueEquals(a.Value, b.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CacheKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <inheritdoc />
    public override string ToString() => Id;

    private static bool ValueEquals(object? a, object? b)
    {
        a = a is DBNull ? null : a;
        b = b is DBNull ? null : b;
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a.GetType() != b.GetType())
        {
            return false;
        }

        return a switch
        {
            byte[] x => x.AsSpan().SequenceEqual((byte[])b),
            string x => string.Equals(x, (string)b, StringComparison.Ordinal),
            DateTime x => x == (DateTime)b && x.Kind == ((DateTime)b).Kind,
            DateTimeOffset x => x.EqualsExact((DateTimeOffset)b),
            decimal x => x == (decimal)b && x.Scale == ((decimal)b).Scale,
            IStructuralEquatable x => x.Equals(b, StructuralComparisons.StructuralEqualityComparer),
            IEnumerable x when a is not string => x.Cast<object?>().SequenceEqual(((IEnumerable)b).Cast<object?>(), ValueComparer.Instance),
            _ => a.Equals(b),
        };
    }

    private static int ValueHash(object? value)
        => value switch
        {
            null or DBNull => 0,
            byte[] bytes => bytes.Length <= 64 ? HashBytes(bytes) : HashCode.Combine(bytes.Length, HashBytes(bytes.AsSpan(0, 64).ToArray())),
            IStructuralEquatable structural => structural.GetHashCode(StructuralComparisons.StructuralEqualityComparer),
            _ => value.GetHashCode(),
        };

    private static int HashBytes(byte[] bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    private string ComputeSha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new CanonicalWriter(hash);
        writer.Write(Prefix);
        writer.Write(Provider);
        writer.Write(Database);
        writer.Write(CommandText);
        writer.Write(((int)Behavior).ToString(CultureInfo.InvariantCulture));
        writer.Write(Parameters.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var parameter in Parameters)
        {
            writer.Write(parameter.Name);
            writer.Write(((int)parameter.DbType).ToString(CultureInfo.InvariantCulture));
            writer.WriteValue(parameter.Value);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private sealed class ValueComparer : IEqualityComparer<object?>
    {
        public static readonly ValueComparer Instance = new();

        public new bool Equals(object? x, object? y) => ValueEquals(x, y);

        public int GetHashCode(object? obj) => ValueHash(obj);
    }

    // Length-prefixed, type-tagged fields: no two different keys share a canonical form.
    private readonly struct CanonicalWriter(IncrementalHash hash)
    {
        public void Write(string value)
        {
            Span<byte> length = stackalloc byte[4];
            var bytes = Encoding.UTF8.GetBytes(value);
            BitConverter.TryWriteBytes(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        public void WriteValue(object? value)
        {
            switch (value)
            {
                case null or DBNull:
                    Write("null");
                    break;
                case byte[] bytes:
                    Write("bytes");
                    Write(Convert.ToBase64String(bytes));
                    break;
                case string text:
                    Write("string");
                    Write(text);
                    break;
                case IEnumerable items:
                    Write(value.GetType().FullName ?? "enumerable");
                    var count = 0;
                    foreach (var item in items)
                    {
                        WriteValue(item);
                        count++;
                    }

                    Write(count.ToString(CultureInfo.InvariantCulture));
                    break;
                case DateTime dateTime:
                    Write("datetime");
                    Write(dateTime.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + (int)dateTime.Kind);
                    break;
                case DateTimeOffset offset:
                    Write("datetimeoffset");
                    Write(offset.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + offset.Offset.Ticks.ToString(CultureInfo.InvariantCulture));
                    break;
                case IFormattable formattable:
                    Write(value.GetType().FullName ?? "value");
                    Write(formattable.ToString(value is double or float ? "R" : null, CultureInfo.InvariantCulture));
                    break;
                default:
                    Write(value.GetType().FullName ?? "value");
                    Write(value.ToString() ?? "");
                    break;
            }
        }
    }
}
