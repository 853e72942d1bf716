namespace EfReadCache.Internal.Sql;

/// <content>Parenthesis frames: opening one for the purpose the clause before it announced, and closing it.</content>
internal sealed partial class SqlStatementWalker
{
    /// <summary>Opens a frame at '(' at <paramref name="i" />; returns the position after it.</summary>
    private int OpenParen(int i)
    {
        ref var frame = ref Current;
        var purpose = frame.PendingParen;
        frame.PendingParen = Purpose.Expression;
        if (frame.AtStart)
        {
            frame.AtStart = false;
            if (frame.Purpose == Purpose.TableFactor)
            {
                // FROM ((a JOIN b ON ...) JOIN c ON ...)
                frame.List = ListMode.Read;
                frame.SawQuery = true;
                purpose = Purpose.TableFactor;
            }
            else if (frame.Kind == StatementKind.None)
            {
                frame.Kind = StatementKind.Query;
            }
        }

        Push(purpose);
        return i + 1;
    }

    /// <summary>Closes the innermost frame at ')' at <paramref name="i" /> (a stray ')' at the top is skipped).</summary>
    private int CloseParen(int i)
    {
        i++;
        if (_depth > 0)
        {
            var closed = _frames[_depth].Purpose;
            EndCteScopes(_depth, i);
            _depth--;
            i = AfterClose(closed, i);
        }

        return i;
    }

    private int AfterClose(Purpose closed, int i)
    {
        switch (closed)
        {
            case Purpose.CteBody:
                EndCteBody(i);
                return i;
            case Purpose.TableFactor:
                // (SELECT ...) AS alias: a derived table, which an UPDATE or DELETE may name as its target.
                return ParseAlias(i, null);
            default:
                return i;
        }
    }

    private void Push(Purpose purpose)
    {
        if (++_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[_depth] = new Frame { Purpose = purpose, AtStart = true };
    }
}
