namespace EfReadCache.Internal.Sql;

/// <summary>
///     A single-pass tokenizer over SQL text that knows each dialect's quoting, comments, string literals and parameter
///     forms. Whitespace and comments produce no tokens; the <c>-- </c> comment lines before the first token are collected
///     as query tags. Text it cannot end properly (an unterminated string, identifier or comment) sets
///     <see cref="Malformed" />.
/// </summary>
internal ref struct SqlLexer
{
    private readonly ReadOnlySpan<char> _text;
    private readonly SqlDialect _dialect;
    private readonly bool _backslashEscapes;
    private readonly bool _nestedComments;
    private readonly bool _dollarQuotes;
    private readonly bool _bracketIdentifiers;
    private readonly bool _backtickIdentifiers;
    private int _position;
    private int _executableComments;
    private bool _seenToken;

    /// <summary>Creates a tokenizer.</summary>
    /// <param name="text">The SQL.</param>
    /// <param name="dialect">Its dialect.</param>
    public SqlLexer(ReadOnlySpan<char> text, SqlDialect dialect)
    {
        _text = text;
        _dialect = dialect;
        _backslashEscapes = dialect == SqlDialect.MySql;
        _nestedComments = dialect is SqlDialect.PostgreSql or SqlDialect.SqlServer;
        _dollarQuotes = dialect is SqlDialect.PostgreSql or SqlDialect.Generic;
        _bracketIdentifiers = dialect is SqlDialect.SqlServer or SqlDialect.Sqlite or SqlDialect.Generic;
        _backtickIdentifiers = dialect is SqlDialect.MySql or SqlDialect.Sqlite or SqlDialect.Generic;
        _position = 0;
        _executableComments = 0;
        _seenToken = false;
        Tags = null;
        Malformed = false;
    }

    /// <summary>The leading <c>-- </c> comment lines, or <see langword="null" /> if there were none.</summary>
    public List<string>? Tags { get; private set; }

    /// <summary>Whether a string, quoted identifier or comment ran to the end of the text unterminated.</summary>
    public bool Malformed { get; private set; }

    /// <summary>Reads the next token.</summary>
    /// <param name="token">The token.</param>
    /// <returns><see langword="false" /> at the end of the text.</returns>
    public bool Next(out SqlToken token)
    {
        SkipTrivia();
        var text = _text;
        if (_position >= text.Length)
        {
            token = default;
            return false;
        }

        _seenToken = true;
        var start = _position;
        var c = text[start];
        var kind = SqlTokenKind.Operator;
        switch (c)
        {
            case '(':
                kind = SqlTokenKind.LeftParen;
                _position++;
                break;
            case ')':
                kind = SqlTokenKind.RightParen;
                _position++;
                break;
            case ',':
                kind = SqlTokenKind.Comma;
                _position++;
                break;
            case ';':
                kind = SqlTokenKind.Semicolon;
                _position++;
                break;
            case '.':
                kind = SqlTokenKind.Dot;
                _position++;
                break;
            case '\'':
                kind = SqlTokenKind.String;
                SkipQuoted('\'', _backslashEscapes);
                break;
            case '"':
                kind = SqlTokenKind.QuotedIdentifier;
                SkipQuoted('"', _backslashEscapes);
                break;
            case '`' when _backtickIdentifiers:
                kind = SqlTokenKind.QuotedIdentifier;
                SkipQuoted('`', false);
                break;
            case '[' when _bracketIdentifiers:
                kind = SqlTokenKind.QuotedIdentifier;
                SkipQuoted(']', false);
                break;
            case '@':
                _position++;
                if (At(_position) == '@')
                {
                    _position++;
                }

                if (IsIdentifierPart(At(_position)))
                {
                    kind = SqlTokenKind.Parameter;
                    SkipIdentifierPart();
                }

                break;
            case ':':
                _position++;
                if (At(_position) == ':')
                {
                    _position++;
                }
                else if (IsIdentifierStart(At(_position)))
                {
                    kind = SqlTokenKind.Parameter;
                    SkipIdentifierPart();
                }

                break;
            case '?':
                kind = SqlTokenKind.Parameter;
                _position++;
                while (char.IsAsciiDigit(At(_position)))
                {
                    _position++;
                }

                break;
            case '$':
                kind = ReadDollar();
                break;
            case '#' when _dialect == SqlDialect.SqlServer && (At(start + 1) == '#' || IsIdentifierPart(At(start + 1))):
                kind = SqlTokenKind.Word;
                _position++;
                SkipIdentifierPart();
                break;
            default:
                if (char.IsAsciiDigit(c))
                {
                    kind = SqlTokenKind.Number;
                    while (IsIdentifierPart(At(_position)) || (At(_position) == '.' && char.IsAsciiDigit(At(_position + 1))))
                    {
                        _position++;
                    }
                }
                else if (IsIdentifierStart(c))
                {
                    kind = ReadWord();
                }
                else
                {
                    _position++;
                }

                break;
        }

        var length = _position - start;
        token = new SqlToken(
            kind, kind == SqlTokenKind.Word ? SqlKeywords.Find(text.Slice(start, length)) : SqlKeyword.None, start, length);
        return true;
    }

    /// <summary>Whether a character can start an unquoted identifier.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true" /> if it can.</returns>
    public static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || (c > 127 && char.IsLetter(c));

    /// <summary>Whether a character can continue an unquoted identifier.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true" /> if it can.</returns>
    public static bool IsIdentifierPart(char c)
        => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$' || (c > 127 && char.IsLetterOrDigit(c));

    private readonly char At(int index) => (uint)index < (uint)_text.Length ? _text[index] : '\0';

    private SqlTokenKind ReadWord()
    {
        var start = _position;
        SkipIdentifierPart();
        var length = _position - start;
        var next = At(_position);
        if (length == 1)
        {
            var prefix = char.ToUpperInvariant(_text[start]);
            if (next == '\'')
            {
                switch (prefix)
                {
                    case 'E' when _dialect is SqlDialect.PostgreSql or SqlDialect.Generic:
                        SkipQuoted('\'', true);
                        return SqlTokenKind.String;
                    case 'N' or 'X' or 'B':
                        SkipQuoted('\'', _backslashEscapes);
                        return SqlTokenKind.String;
                }
            }
            else if (prefix == 'U' && next == '&' && At(_position + 1) is '\'' or '"')
            {
                var quote = At(_position + 1);
                _position++;
                SkipQuoted(quote, false);
                return quote == '"' ? SqlTokenKind.QuotedIdentifier : SqlTokenKind.String;
            }
        }

        return SqlTokenKind.Word;
    }

    private SqlTokenKind ReadDollar()
    {
        var start = _position;
        var next = At(start + 1);
        if (char.IsAsciiDigit(next))
        {
            _position++;
            while (char.IsAsciiDigit(At(_position)))
            {
                _position++;
            }

            return SqlTokenKind.Parameter;
        }

        if (_dollarQuotes)
        {
            var tagEnd = start + 1;
            if (IsIdentifierStart(next))
            {
                while (At(tagEnd) != '$' && IsIdentifierPart(At(tagEnd)))
                {
                    tagEnd++;
                }
            }

            if (At(tagEnd) == '$')
            {
                var tag = _text[start..(tagEnd + 1)];
                var bodyStart = tagEnd + 1;
                var close = _text[bodyStart..].IndexOf(tag, StringComparison.Ordinal);
                if (close < 0)
                {
                    Malformed = true;
                    _position = _text.Length;
                }
                else
                {
                    _position = bodyStart + close + tag.Length;
                }

                return SqlTokenKind.String;
            }
        }

        _position++;
        if (IsIdentifierStart(next))
        {
            SkipIdentifierPart();
            return _dialect == SqlDialect.Sqlite ? SqlTokenKind.Parameter : SqlTokenKind.Word;
        }

        return SqlTokenKind.Operator;
    }

    private void SkipIdentifierPart()
    {
        while (IsIdentifierPart(At(_position)))
        {
            _position++;
        }
    }

    private void SkipQuoted(char close, bool backslashEscapes)
    {
        var text = _text;
        var i = _position + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && backslashEscapes)
            {
                i += 2;
                continue;
            }

            if (c == close)
            {
                if (i + 1 < text.Length && text[i + 1] == close)
                {
                    i += 2;
                    continue;
                }

                _position = i + 1;
                return;
            }

            i++;
        }

        Malformed = true;
        _position = text.Length;
    }

    private void SkipTrivia()
    {
        var text = _text;
        while (_position < text.Length)
        {
            var c = text[_position];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '-' && At(_position + 1) == '-'
                && (_dialect != SqlDialect.MySql || At(_position + 2) is '\0' or ' ' or '\t' or '\r' or '\n'))
            {
                var end = text[_position..].IndexOfAny('\r', '\n');
                end = end < 0 ? text.Length : _position + end;
                if (!_seenToken)
                {
                    var tag = text[(_position + 2)..end];
                    if (tag.Length > 0 && tag[0] == ' ')
                    {
                        tag = tag[1..];
                    }

                    (Tags ??= []).Add(tag.ToString());
                }

                _position = end;
            }
            else if (c == '#' && _dialect == SqlDialect.MySql)
            {
                var end = text[_position..].IndexOfAny('\r', '\n');
                _position = end < 0 ? text.Length : _position + end;
            }
            else if (c == '/' && At(_position + 1) == '*')
            {
                if (_dialect == SqlDialect.MySql && At(_position + 2) == '!')
                {
                    // MySQL runs the text of /*! ... */ and /*!50001 ... */ as SQL.
                    _position += 3;
                    while (char.IsAsciiDigit(At(_position)))
                    {
                        _position++;
                    }

                    _executableComments++;
                    continue;
                }

                SkipBlockComment();
            }
            else if (c == '*' && At(_position + 1) == '/' && _executableComments > 0)
            {
                _executableComments--;
                _position += 2;
            }
            else
            {
                return;
            }
        }
    }

    private void SkipBlockComment()
    {
        var text = _text;
        var depth = 0;
        var i = _position;
        while (i < text.Length - 1)
        {
            if (text[i] == '/' && text[i + 1] == '*')
            {
                if (depth == 0 || _nestedComments)
                {
                    depth++;
                }

                i += 2;
            }
            else if (text[i] == '*' && text[i + 1] == '/')
            {
                i += 2;
                if (--depth == 0)
                {
                    _position = i;
                    return;
                }
            }
            else
            {
                i++;
            }
        }

        Malformed = true;
        _position = text.Length;
    }
}
