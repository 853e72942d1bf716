using System.Buffers;

namespace EfReadCache.Internal.Sql;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     <para>
///         Finds which tables a command reads and writes, and its EF query tags. One pass of a dialect-aware tokenizer
///         (quoting, comments, string literals, dollar quotes, parameters), then one pass over the tokens with a stack of
///         parenthesis frames; no regular expressions.
///     </para>
///     <para>
///         It errs on the safe side: a statement it does not know is an unknown write, a name it is unsure of is reported
///         as read, and a table-valued function in FROM that is not a known built-in makes the read set unknown.
///         Callers should cache the result per command text.
///     </para>
/// </remarks>
public static class SqlAnalyzer
{
    /// <summary>Analyzes a command text, which may hold several statements.</summary>
    /// <param name="sql">The SQL.</param>
    /// <param name="dialect">The dialect whose quoting, comments and literals apply.</param>
    /// <returns>The analysis.</returns>
    public static SqlAnalysis Analyze(string sql, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(sql);

        var lexer = new SqlLexer(sql, dialect);
        var tokens = ArrayPool<SqlToken>.Shared.Rent(Math.Clamp(sql.Length / 4, 16, 4096));
        try
        {
            var count = 0;
            while (lexer.Next(out var token))
            {
                if (count == tokens.Length)
                {
                    var larger = ArrayPool<SqlToken>.Shared.Rent(tokens.Length * 2);
                    tokens.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<SqlToken>.Shared.Return(tokens);
                    tokens = larger;
                }

                tokens[count++] = token;
            }

            var walker = new SqlStatementWalker(sql, tokens, count, dialect);
            walker.Run();
            return walker.ToAnalysis(lexer.Tags, lexer.Malformed);
        }
        finally
        {
            ArrayPool<SqlToken>.Shared.Return(tokens);
        }
    }
}
