using System.Collections;
using System.Data.Common;
using System.Text;

namespace EfReadCache.Internal.Replay;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     A forward-only reader over a <see cref="BufferedResult" />. Each caller gets its own reader over the shared,
///     immutable buffer. Typed getters convert as the provider would (<see cref="ReplayValueConverter" />).
/// </remarks>
public sealed class BufferedDataReader : DbDataReader
{
    private static readonly Task<bool> TrueTask = Task.FromResult(true);
    private static readonly Task<bool> FalseTask = Task.FromResult(false);

    private readonly BufferedResult _result;
    private int _setIndex;
    private int _rowIndex = -1;
    private BufferedResultSet? _set;
    private object[]? _row;
    private bool _closed;

    /// <summary>Creates a reader positioned before the first row of the first result set.</summary>
    /// <param name="result">The buffered result.</param>
    public BufferedDataReader(BufferedResult result)
    {
        _result = result;
        _set = result.ResultSets.Count > 0 ? result.ResultSets[0] : null;
    }

    /// <summary>The buffer this reader replays.</summary>
    public BufferedResult Result => _result;

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override int FieldCount => _set?.FieldCount ?? 0;

    /// <inheritdoc />
    public override bool HasRows => _set is { Rows.Count: > 0 };

    /// <inheritdoc />
    public override bool IsClosed => _closed;

    /// <inheritdoc />
    public override int RecordsAffected => _result.RecordsAffected;

    /// <inheritdoc />
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc />
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc />
    public override bool Read()
    {
        var set = _set;
        if (set is null || _rowIndex + 1 >= set.Rows.Count)
        {
            _rowIndex = set?.Rows.Count ?? 0;
            _row = null;
            return false;
        }

        _row = set.Rows[++_rowIndex];
        return true;
    }

    /// <inheritdoc />
    public override Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Read() ? TrueTask : FalseTask;
    }

    /// <inheritdoc />
    public override bool NextResult()
    {
        if (_setIndex + 1 >= _result.ResultSets.Count)
        {
            _setIndex = _result.ResultSets.Count;
            _set = null;
            _row = null;
            return false;
        }

        _set = _result.ResultSets[++_setIndex];
        _rowIndex = -1;
        _row = null;
        return true;
    }

    /// <inheritdoc />
    public override Task<bool> NextResultAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return NextResult() ? TrueTask : FalseTask;
    }

    /// <inheritdoc />
    public override T GetFieldValue<T>(int ordinal)
    {
        var value = Current(ordinal);
        if (value is T typed)
        {
            return typed;
        }

        if (value is DBNull)
        {
            return default(T) is null && typeof(T) != typeof(DBNull)
                ? default!
                : typeof(T) == typeof(DBNull) ? (T)(object)DBNull.Value : throw NullValue(ordinal);
        }

        return ReplayValueConverter.Convert<T>(value);
    }

    /// <inheritdoc />
    public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken)
        => Task.FromResult(GetFieldValue<T>(ordinal));

    /// <inheritdoc />
    public override bool IsDBNull(int ordinal) => Current(ordinal) is DBNull;

    /// <inheritdoc />
    public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => IsDBNull(ordinal) ? TrueTask : FalseTask;

    /// <inheritdoc />
    public override object GetValue(int ordinal) => Current(ordinal);

    /// <inheritdoc />
    public override int GetValues(object[] values)
    {
        var row = _row ?? throw NoRow();
        var count = Math.Min(values.Length, row.Length);
        Array.Copy(row, values, count);
        return count;
    }

    /// <inheritdoc />
    public override bool GetBoolean(int ordinal) => GetFieldValue<bool>(ordinal);

    /// <inheritdoc />
    public override byte GetByte(int ordinal) => GetFieldValue<byte>(ordinal);

    /// <inheritdoc />
    public override char GetChar(int ordinal) => GetFieldValue<char>(ordinal);

    /// <inheritdoc />
    public override DateTime GetDateTime(int ordinal) => GetFieldValue<DateTime>(ordinal);

    /// <inheritdoc />
    public override decimal GetDecimal(int ordinal) => GetFieldValue<decimal>(ordinal);

    /// <inheritdoc />
    public override double GetDouble(int ordinal) => GetFieldValue<double>(ordinal);

    /// <inheritdoc />
    public override float GetFloat(int ordinal) => GetFieldValue<float>(ordinal);

    /// <inheritdoc />
    public override Guid GetGuid(int ordinal) => GetFieldValue<Guid>(ordinal);

    /// <inheritdoc />
    public override short GetInt16(int ordinal) => GetFieldValue<short>(ordinal);

    /// <inheritdoc />
    public override int GetInt32(int ordinal) => GetFieldValue<int>(ordinal);

    /// <inheritdoc />
    public override long GetInt64(int ordinal) => GetFieldValue<long>(ordinal);

    /// <inheritdoc />
    public override string GetString(int ordinal) => GetFieldValue<string>(ordinal);

    /// <inheritdoc />
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var bytes = GetFieldValue<byte[]>(ordinal);
        if (buffer is null)
        {
            return bytes.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, bytes.Length - dataOffset));
        Array.Copy(bytes, dataOffset, buffer, bufferOffset, count);
        return count;
    }

    /// <inheritdoc />
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetFieldValue<string>(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    /// <inheritdoc />
    public override Stream GetStream(int ordinal)
        => Current(ordinal) switch
        {
            byte[] bytes => new MemoryStream(bytes, writable: false),
            string text => new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false),
            DBNull => throw NullValue(ordinal),
            _ => new MemoryStream(GetFieldValue<byte[]>(ordinal), writable: false),
        };

    /// <inheritdoc />
    public override TextReader GetTextReader(int ordinal) => new StringReader(GetFieldValue<string>(ordinal));

    /// <inheritdoc />
    public override string GetDataTypeName(int ordinal) => Set.DataTypeNames[ordinal];

    /// <inheritdoc />
    public override Type GetFieldType(int ordinal) => Set.FieldTypes[ordinal];

    /// <inheritdoc />
    public override string GetName(int ordinal) => Set.Names[ordinal];

    /// <inheritdoc />
    public override int GetOrdinal(string name)
    {
        var names = Set.Names;
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new IndexOutOfRangeException($"The result has no column named '{name}'.");
    }

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <inheritdoc />
    public override void Close() => _closed = true;

    private BufferedResultSet Set => _set ?? throw new InvalidOperationException("The reader has no current result set.");

    private object Current(int ordinal)
    {
        var row = _row ?? throw NoRow();
        return row[ordinal];
    }

    private static InvalidOperationException NoRow() => new("No row is available: call Read() first, and only while it returns true.");

    private InvalidCastException NullValue(int ordinal) => new($"Column '{GetName(ordinal)}' (ordinal {ordinal}) is null.");
}
