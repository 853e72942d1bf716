using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Diff;

/// <summary>
///     Normalization rules under which two server-rendered definitions are equal. Both sides are rendered by the same
///     server, so what is left is cosmetic: aliases, outer parentheses, whitespace, SQLite's free-form declared types.
/// </summary>
internal sealed class SchemaComparer
{
    public SchemaComparer(SchemaDialect dialect) => Dialect = dialect;

    public SchemaDialect Dialect { get; }

    public bool SameType(ColumnSnapshot live, ColumnSnapshot desired)
        => Dialect == SchemaDialect.Sqlite
            ? StoreTypes.SqliteAffinity(live.StoreType) == StoreTypes.SqliteAffinity(desired.StoreType)
            : StoreTypes.NormalizePostgres(live.StoreType) == StoreTypes.NormalizePostgres(desired.StoreType);

    public static string? NormalizeExpression(string? expression)
    {
        if (expression is null)
        {
            return null;
        }

        var text = string.Join(' ', expression.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        while (text.Length >= 2 && text[0] == '(' && text[^1] == ')' && WrapsWhole(text))
        {
            text = text[1..^1].Trim();
        }

        return text.Length == 0 ? null : text;
    }

    public bool SameExpression(string? live, string? desired)
        => string.Equals(NormalizeExpression(live), NormalizeExpression(desired), StringComparison.Ordinal)
            || (Dialect == SchemaDialect.Sqlite
                && string.Equals(NormalizeExpression(live), NormalizeExpression(desired), StringComparison.OrdinalIgnoreCase));

    private static bool WrapsWhole(string text)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0 && i < text.Length - 1)
            {
                return false;
            }
        }

        return true;
    }
}
