namespace EfReadCache.Migrations.Internal.Diff;

/// <summary>Parses and compares store types: <c>character varying(20)</c>, <c>numeric(18,2)</c>, <c>TEXT</c>.</summary>
internal static class StoreTypes
{
    private static readonly Dictionary<string, string> PostgresAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["int2"] = "smallint",
        ["int4"] = "integer",
        ["int"] = "integer",
        ["int8"] = "bigint",
        ["float4"] = "real",
        ["float8"] = "double precision",
        ["varchar"] = "character varying",
        ["char"] = "character",
        ["bpchar"] = "character",
        ["bool"] = "boolean",
        ["decimal"] = "numeric",
        ["timestamptz"] = "timestamp with time zone",
        ["timestamp"] = "timestamp without time zone",
        ["timetz"] = "time with time zone",
        ["time"] = "time without time zone",
    };

    public static (string Base, int[] Arguments) Parse(string storeType)
    {
        var type = storeType.Trim();
        var open = type.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (type, []);
        }

        var close = type.IndexOf(')', open);
        var inside = type[(open + 1)..(close < 0 ? type.Length : close)];
        var arguments = inside.Split(',').Select(a => int.TryParse(a.Trim(), out var n) ? n : -1).Where(n => n >= 0).ToArray();
        var rest = close < 0 ? "" : type[(close + 1)..];
        return ((type[..open] + rest).Trim(), arguments);
    }

    /// <summary>A canonical spelling for PostgreSQL (aliases resolved, lower case, single spaces).</summary>
    public static string NormalizePostgres(string storeType)
    {
        var (name, arguments) = Parse(storeType);
        name = string.Join(' ', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var array = name.EndsWith("[]", StringComparison.Ordinal);
        if (array)
        {
            name = name[..^2];
        }

        name = PostgresAliases.GetValueOrDefault(name, name);
        var text = arguments.Length == 0 ? name : $"{name}({string.Join(',', arguments)})";
        return array ? text + "[]" : text;
    }

    /// <summary>SQLite's type affinity for a declared type (https://www.sqlite.org/datatype3.html, section 3.1).</summary>
    public static string SqliteAffinity(string declaredType)
    {
        var type = declaredType.ToUpperInvariant();
        if (type.Contains("INT", StringComparison.Ordinal))
        {
            return "INTEGER";
        }

        if (type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal))
        {
            return "TEXT";
        }

        if (type.Length == 0 || type.Contains("BLOB", StringComparison.Ordinal))
        {
            return "BLOB";
        }

        if (type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal))
        {
            return "REAL";
        }

        return "NUMERIC";
    }

    /// <summary>
    ///     Whether changing a PostgreSQL column from <paramref name="from" /> to <paramref name="to" /> can lose data even
    ///     when every value converts: a shorter length, a smaller integer or float, fewer digits or decimals, or a number to
    ///     an integer.
    /// </summary>
    public static bool IsNarrowingPostgres(string from, string to)
    {
        var (fromName, fromArgs) = Parse(NormalizePostgres(from));
        var (toName, toArgs) = Parse(NormalizePostgres(to));
        var fromInt = IntegerRank(fromName);
        var toInt = IntegerRank(toName);
        if (toInt > 0)
        {
            return fromInt > toInt || fromName is "numeric" or "real" or "double precision" or "money";
        }

        if (toName == "real")
        {
            return fromName is "double precision" or "numeric" or "bigint";
        }

        if (toName == "numeric" && toArgs.Length > 0)
        {
            if (fromName == "numeric")
            {
                if (fromArgs.Length == 0)
                {
                    return true;
                }

                var fromScale = fromArgs.Length > 1 ? fromArgs[1] : 0;
                var toScale = toArgs.Length > 1 ? toArgs[1] : 0;
                return toScale < fromScale || toArgs[0] - toScale < fromArgs[0] - fromScale;
            }

            return fromName is "real" or "double precision" || (fromInt > 0 && toArgs[0] - (toArgs.Length > 1 ? toArgs[1] : 0) < IntegerDigits(fromInt));
        }

        if (toName is "character varying" or "character" && toArgs.Length > 0)
        {
            if (fromName is "text" || (fromName is "character varying" or "character" && fromArgs.Length == 0))
            {
                return true;
            }

            return fromName is "character varying" or "character" && fromArgs[0] > toArgs[0];
        }

        return false;
    }

    private static int IntegerRank(string name) => name switch
    {
        "smallint" => 1,
        "integer" => 2,
        "bigint" => 3,
        _ => 0,
    };

    private static int IntegerDigits(int rank) => rank switch
    {
        1 => 5,
        2 => 10,
        _ => 19,
    };
}
