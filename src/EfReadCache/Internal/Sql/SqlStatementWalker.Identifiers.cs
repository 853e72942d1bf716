namespace EfReadCache.Internal.Sql;

/// <content>The text of a name token: unquoted, with doubled quotes and PostgreSQL U&amp; escapes decoded.</content>
internal sealed partial class SqlStatementWalker
{
    private string Identifier(SqlToken token)
    {
        if (token.Kind != SqlTokenKind.QuotedIdentifier)
        {
            return _sql.Substring(token.Start, token.Length);
        }

        var text = _sql.AsSpan(token.Start, token.Length);
        var unicode = text.Length > 1 && text[1] == '&';
        if (unicode)
        {
            // PostgreSQL U&"d\0061ta"
            text = text[2..];
        }

        var open = text[0];
        var close = open == '[' ? ']' : open;
        var inner = text.Length > 1 && text[^1] == close ? text[1..^1] : text[1..];
        var name = inner.IndexOf(close) < 0
            ? inner.ToString()
            : inner.ToString().Replace(new string(close, 2), close.ToString(), StringComparison.Ordinal);
        return unicode ? DecodeUnicodeEscapes(name) : name;
    }

    private static string DecodeUnicodeEscapes(string name)
    {
        if (!name.Contains('\\', StringComparison.Ordinal))
        {
            return name;
        }

        var builder = new System.Text.StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] != '\\' || i + 1 >= name.Length)
            {
                builder.Append(name[i]);
            }
            else if (name[i + 1] == '\\')
            {
                builder.Append('\\');
                i++;
            }
            else if (name[i + 1] == '+' && i + 8 <= name.Length
                && int.TryParse(name.AsSpan(i + 2, 6), System.Globalization.NumberStyles.HexNumber, null, out var wide)
                && wide <= 0x10FFFF && (wide < 0xD800 || wide > 0xDFFF))
            {
                builder.Append(char.ConvertFromUtf32(wide));
                i += 7;
            }
            else if (i + 5 <= name.Length
                && int.TryParse(name.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
            {
                builder.Append((char)code);
                i += 4;
            }
            else
            {
                builder.Append(name[i]);
            }
        }

        return builder.ToString();
    }
}
