using System.Text;
using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Introspection;

/// <summary>
///     Just enough of SQLite's DDL grammar to split a CREATE TABLE body into its column definitions and table
///     constraints, and to find an index's WHERE clause or a generated column's expression. Quotes and comments are respected.
/// </summary>
internal static class SqliteDdlParser
{
    private static readonly string[] ConstraintWords = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"];

    public static IReadOnlyList<SqliteDefinition> SplitDefinitions(string createTableSql)
    {
        var open = FindTopLevel(createTableSql, 0, c => c == '(');
        if (open < 0)
        {
            return [];
        }

        var items = new List<SqliteDefinition>();
        var depth = 0;
        var start = open + 1;
        foreach (var (index, c) in Scan(createTableSql, open))
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
                if (depth == 0)
                {
                    Add(createTableSql[start..index]);
                    break;
                }
            }
            else if (c == ',' && depth == 1)
            {
                Add(createTableSql[start..index]);
                start = index + 1;
            }
        }

        return items;

        void Add(string text)
        {
            text = RemoveComments(text).Trim();
            if (text.Length == 0)
            {
                return;
            }

            var words = Words(text, 3);
            var first = words.Count > 0 ? words[0] : "";
            if (ConstraintWords.Contains(first, StringComparer.OrdinalIgnoreCase) && !IsQuoted(text))
            {
                var kind = string.Equals(first, "CONSTRAINT", StringComparison.OrdinalIgnoreCase) && words.Count > 2 ? words[2] : first;
                items.Add(new SqliteDefinition(text, null, kind.ToUpperInvariant()));
            }
            else
            {
                var position = 0;
                items.Add(new SqliteDefinition(text, ReadIdentifier(text, ref position), null));
            }
        }
    }

    /// <summary>The columns of a FOREIGN KEY or UNIQUE table constraint (the first parenthesized list).</summary>
    public static List<string> ConstraintColumns(string text)
    {
        var start = text.IndexOf('(', StringComparison.Ordinal);
        var columns = new List<string>();
        if (start < 0)
        {
            return columns;
        }

        var position = start + 1;
        while (position < text.Length)
        {
            columns.Add(ReadIdentifier(text, ref position));
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            if (position >= text.Length || text[position] != ',')
            {
                break;
            }

            position++;
        }

        return columns;
    }

    /// <summary>The name of a table constraint written <c>CONSTRAINT name ...</c>, or <see langword="null" />.</summary>
    public static string? ConstraintName(string definition)
    {
        var position = 0;
        var first = ReadIdentifier(definition, ref position);
        return string.Equals(first, "CONSTRAINT", StringComparison.OrdinalIgnoreCase) ? ReadIdentifier(definition, ref position) : null;
    }

    /// <summary>What follows a CREATE TABLE body (<c>WITHOUT ROWID</c>, <c>STRICT</c>), or an empty string.</summary>
    public static string TableOptions(string createTableSql)
    {
        var open = FindTopLevel(createTableSql, 0, c => c == '(');
        if (open < 0)
        {
            return "";
        }

        var close = MatchingParenthesis(createTableSql, open);
        return RemoveComments(createTableSql[(close + 1)..]).Trim().TrimEnd(';').Trim();
    }

    /// <summary>The text after the top-level WHERE of a CREATE INDEX statement, or <see langword="null" />.</summary>
    public static string? ExtractWhere(string? createIndexSql)
    {
        if (createIndexSql is null)
        {
            return null;
        }

        var depth = 0;
        foreach (var (index, c) in Scan(createIndexSql, 0))
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (depth == 0 && IsWordAt(createIndexSql, index, "WHERE"))
            {
                return createIndexSql[(index + 5)..].Trim().TrimEnd(';').Trim();
            }
        }

        return null;
    }

    /// <summary>A generated column's expression (without its outer parentheses) and whether it is STORED.</summary>
    public static (string? Expression, bool Stored) ExtractGenerated(string columnDefinition)
    {
        var depth = 0;
        foreach (var (index, c) in Scan(columnDefinition, 0))
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (depth == 0 && IsWordAt(columnDefinition, index, "AS"))
            {
                var open = FindTopLevel(columnDefinition, index + 2, ch => ch == '(');
                if (open < 0)
                {
                    return (null, false);
                }

                var close = MatchingParenthesis(columnDefinition, open);
                var expression = columnDefinition[(open + 1)..close].Trim();
                var rest = columnDefinition[(close + 1)..];
                return (expression, rest.Contains("STORED", StringComparison.OrdinalIgnoreCase));
            }
        }

        return (null, false);
    }

    /// <summary>Whether a column definition carries a CHECK constraint.</summary>
    public static bool HasCheck(string definition)
    {
        var depth = 0;
        foreach (var (index, c) in Scan(definition, 0))
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (depth == 0 && IsWordAt(definition, index, "CHECK"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads one identifier (quoted or bare) starting at <paramref name="position" />, skipping whitespace.</summary>
    public static string ReadIdentifier(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position >= text.Length)
        {
            return "";
        }

        var open = text[position];
        var close = open switch { '"' => '"', '`' => '`', '[' => ']', '\'' => '\'', _ => '\0' };
        if (close == '\0')
        {
            var start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '$'))
            {
                position++;
            }

            return text[start..position];
        }

        var builder = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            if (text[position] == close)
            {
                if (close != ']' && position + 1 < text.Length && text[position + 1] == close)
                {
                    builder.Append(close);
                    position += 2;
                    continue;
                }

                position++;
                break;
            }

            builder.Append(text[position++]);
        }

        return builder.ToString();
    }

    /// <summary>Replaces the leading identifier (the column name) of a column definition.</summary>
    public static string ReplaceLeadingIdentifier(string definition, string newQuotedName)
    {
        var position = 0;
        ReadIdentifier(definition, ref position);
        return newQuotedName + definition[position..];
    }

    /// <summary>The text without its <c>--</c> and <c>/* */</c> comments (quoted text is kept as is).</summary>
    public static string RemoveComments(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\'' or '"' or '`' or '[')
            {
                var close = c == '[' ? ']' : c;
                var start = i++;
                while (i < text.Length && !(text[i] == close && (close == ']' || i + 1 >= text.Length || text[i + 1] != close)))
                {
                    i += text[i] == close ? 2 : 1;
                }

                i = Math.Min(i + 1, text.Length);
                builder.Append(text, start, i - start);
            }
            else if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
                builder.Append(' ');
            }
            else
            {
                builder.Append(c);
                i++;
            }
        }

        return builder.ToString();
    }

    private static bool IsQuoted(string text) => text.Length > 0 && text[0] is '"' or '`' or '[' or '\'';

    private static List<string> Words(string text, int count)
    {
        var words = new List<string>();
        var position = 0;
        while (words.Count < count && position < text.Length)
        {
            var before = position;
            var word = ReadIdentifier(text, ref position);
            if (position == before)
            {
                break;
            }

            words.Add(word);
        }

        return words;
    }

    private static bool IsWordAt(string text, int index, string word)
        => index + word.Length <= text.Length
            && string.Compare(text, index, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (index == 0 || !IsWordChar(text[index - 1]))
            && (index + word.Length == text.Length || !IsWordChar(text[index + word.Length]));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private static int FindTopLevel(string text, int from, Func<char, bool> predicate)
    {
        foreach (var (index, c) in Scan(text, from))
        {
            if (predicate(c))
            {
                return index;
            }
        }

        return -1;
    }

    private static int MatchingParenthesis(string text, int open)
    {
        var depth = 0;
        foreach (var (index, c) in Scan(text, open))
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return index;
            }
        }

        return text.Length - 1;
    }

    /// <summary>Yields the characters outside quotes and comments, with their positions. Quoted text yields one space.</summary>
    private static IEnumerable<(int Index, char Char)> Scan(string text, int from)
    {
        var i = from;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\'' or '"' or '`' or '[')
            {
                var close = c == '[' ? ']' : c;
                var start = i++;
                while (i < text.Length)
                {
                    if (text[i] == close)
                    {
                        if (close != ']' && i + 1 < text.Length && text[i + 1] == close)
                        {
                            i += 2;
                            continue;
                        }

                        break;
                    }

                    i++;
                }

                i++;
                yield return (start, ' ');
                continue;
            }

            if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
                continue;
            }

            yield return (i, c);
            i++;
        }
    }
}
