namespace EfReadCache.Internal.Sql;

/// <summary>
///     Walks the tokens of one command text once, statement by statement, keeping a stack of parenthesis frames, and
///     collects the relations read and written. See <see cref="SqlAnalyzer" />.
/// </summary>
/// <remarks>
///     The class is split by concept: statement starts (<c>.Statements</c>), clause words (<c>.Clauses</c>), table
///     references (<c>.Relations</c>), data changes (<c>.Writes</c>), schema changes (<c>.Ddl</c>), WITH scopes
///     (<c>.Ctes</c>), parenthesis frames (<c>.Parentheses</c>), the per-statement result (<c>.Results</c>), and token
///     helpers (<c>.Tokens</c>, <c>.Identifiers</c>).
/// </remarks>
internal sealed partial class SqlStatementWalker
{
    private readonly string _sql;
    private readonly SqlToken[] _tokens;
    private readonly int _count;
    private readonly SqlDialect _dialect;

    private Frame[] _frames = new Frame[8];
    private int _depth;

    // The statement being walked.
    private readonly List<NameUse> _statementReads = [];
    private readonly List<NameUse> _statementWrites = [];
    private List<CteName>? _ctes;
    private List<(int Token, SqlTableReference? Table, int Depth)>? _aliases;
    private bool _statementWrite;
    private bool _statementUnknownWrite;
    private bool _statementSchemaChange;
    private bool _suppressWrites;

    // The whole command.
    private readonly List<SqlTableReference> _reads = [];
    private readonly List<SqlTableReference> _writes = [];
    private readonly List<SqlTableReference> _functions = [];
    private bool _isWrite;
    private bool _unknownWrite;
    private bool _unknownRead;
    private bool _schemaChange;

    /// <summary>Creates a walker over tokens of <paramref name="sql" />.</summary>
    /// <param name="sql">The SQL the tokens point into.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="count">How many of <paramref name="tokens" /> are used.</param>
    /// <param name="dialect">The dialect.</param>
    public SqlStatementWalker(string sql, SqlToken[] tokens, int count, SqlDialect dialect)
    {
        _sql = sql;
        _tokens = tokens;
        _count = count;
        _dialect = dialect;
        _frames[0] = new Frame { AtStart = true };
    }

    private ref Frame Current => ref _frames[_depth];

    /// <summary>Walks every token.</summary>
    public void Run()
    {
        var i = 0;
        while (i < _count)
        {
            var token = _tokens[i];
            if (token.Kind == SqlTokenKind.Semicolon)
            {
                EndStatement();
                i++;
                continue;
            }

            if (token.Kind == SqlTokenKind.RightParen)
            {
                i = CloseParen(i);
                continue;
            }

            ref var frame = ref Current;
            if (frame.Cte == CteState.AfterBody && ContinueWith(ref i))
            {
                continue;
            }

            if (token.Kind == SqlTokenKind.LeftParen)
            {
                i = OpenParen(i);
                continue;
            }

            if (frame.AtStart)
            {
                frame.AtStart = false;
                var next = StartStatement(i);
                if (next != i)
                {
                    i = next;
                    continue;
                }
            }

            i = token.Kind switch
            {
                SqlTokenKind.Comma => OnComma(i),
                SqlTokenKind.Word => OnWord(i),
                SqlTokenKind.QuotedIdentifier => OnName(i),
                _ => i + 1
            };
        }

        EndStatement();
    }

    /// <summary>Builds the result.</summary>
    /// <param name="tags">The tags the tokenizer collected.</param>
    /// <param name="malformed">Whether the tokenizer found unterminated text.</param>
    /// <returns>The analysis.</returns>
    public SqlAnalysis ToAnalysis(List<string>? tags, bool malformed)
    {
        if (malformed)
        {
            // Text the tokenizer could not end may hide anything.
            _unknownWrite = true;
            _unknownRead = true;
        }

        return new SqlAnalysis(
            tags is null ? [] : tags.ToArray(),
            _reads.ToArray(),
            _writes.ToArray(),
            _functions.Count == 0 ? [] : _functions.ToArray(),
            _isWrite,
            _unknownWrite,
            _unknownRead,
            _schemaChange);
    }
}
