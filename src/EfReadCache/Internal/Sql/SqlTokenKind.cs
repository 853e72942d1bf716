namespace EfReadCache.Internal.Sql;

/// <summary>The kinds of token <see cref="SqlLexer" /> produces. Comments and whitespace produce none.</summary>
internal enum SqlTokenKind : byte
{
    /// <summary>An unquoted identifier or keyword.</summary>
    Word,

    /// <summary>A quoted identifier: <c>"x"</c>, <c>[x]</c> or <c>`x`</c>.</summary>
    QuotedIdentifier,

    /// <summary>A string literal in any form (<c>'x'</c>, <c>N'x'</c>, <c>E'x'</c>, <c>$$x$$</c>).</summary>
    String,

    /// <summary>A numeric literal.</summary>
    Number,

    /// <summary>A parameter or variable: <c>@p0</c>, <c>:p</c>, <c>$1</c>, <c>?</c>.</summary>
    Parameter,

    /// <summary><c>(</c></summary>
    LeftParen,

    /// <summary><c>)</c></summary>
    RightParen,

    /// <summary><c>,</c></summary>
    Comma,

    /// <summary><c>;</c></summary>
    Semicolon,

    /// <summary><c>.</c></summary>
    Dot,

    /// <summary>Any other punctuation or operator.</summary>
    Operator
}
