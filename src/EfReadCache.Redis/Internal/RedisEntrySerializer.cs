using System.Buffers.Binary;
using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EfReadCache.Internal.Replay;
using EfReadCache.Storage;

namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     <para>
///         The binary form of an entry in Redis. Layout: the magic "EFRC", a format version byte, the body length
///         (Int32, little endian), the first 8 bytes of the body's SHA-256, then the body: the database, tables,
///         tokens, time to live, sliding flag, logical expiry, measured size and the buffered result (every result set
///         with names, field types, data type names and typed values).
///     </para>
///     <para>
///         Every value carries a type tag, so it reads back as the same CLR type: decimals keep their scale,
///         DateTimes their kind, DateTimeOffsets their offset, arrays and lists their element type. Bytes that do not
///         decode (wrong magic, version, length or checksum, an unknown tag or type) make <see cref="TryDeserialize" />
///         return <see langword="false" />; it never throws.
///     </para>
/// </remarks>
public static class RedisEntrySerializer
{
    /// <summary>The format version written into every entry; entries of another version are misses.</summary>
    public const byte FormatVersion = 1;

    private const int HeaderSize = 4 + 1 + 4 + 8;
    private static ReadOnlySpan<byte> Magic => "EFRC"u8;

    // Fixed for format version 1: the index is written to Redis, so the order must never change.
    private static readonly Type[] KnownTypes =
    [
        typeof(object), typeof(DBNull), typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int),
        typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(char), typeof(string),
        typeof(byte[]), typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly), typeof(TimeOnly),
    ];

    private static readonly Dictionary<Type, byte> KnownTypeIndex = KnownTypes.Select((t, i) => (t, (byte)i)).ToDictionary(p => p.t, p => p.Item2);

    /// <summary>Whether every value in the result can be written (provider-specific types such as ranges cannot).</summary>
    /// <param name="result">The buffered result.</param>
    /// <returns><see langword="true" /> if <see cref="Serialize" /> will succeed.</returns>
    public static bool CanSerialize(BufferedResult result)
    {
        foreach (var set in result.ResultSets)
        {
            if (!set.FieldTypes.All(CanWriteType))
            {
                return false;
            }

            foreach (var row in set.Rows)
            {
                foreach (var value in row)
                {
                    if (!CanWriteValue(value))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>Writes an entry whose payload is a <see cref="BufferedResult" />.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="expiresUtcTicks">When the entry stops being valid by the cache's clock.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="NotSupportedException">The payload is not a buffered result, or holds a value of an unsupported type.</exception>
    public static byte[] Serialize(CacheEntry entry, long expiresUtcTicks)
    {
        if (entry.Payload is not BufferedResult result)
        {
            throw new NotSupportedException($"EfReadCache.Redis cannot store a payload of type {entry.Payload.GetType().Name}.");
        }

        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(entry.Tables.Database);
            writer.Write(entry.Tables.Count);
            foreach (var table in entry.Tables.Tables)
            {
                writer.Write(table);
            }

            writer.Write(entry.Tokens.Length);
            foreach (var token in entry.Tokens)
            {
                writer.Write(token);
            }

            writer.Write(entry.TimeToLive.Ticks);
            writer.Write(entry.Sliding);
            writer.Write(expiresUtcTicks);
            writer.Write(entry.SizeBytes);
            writer.Write(result.RecordsAffected);
            writer.Write(result.SizeBytes);
            writer.Write(result.ExecutionTime.Ticks);
            writer.Write(result.ResultSets.Count);
            foreach (var set in result.ResultSets)
            {
                writer.Write(set.FieldCount);
                for (var i = 0; i < set.FieldCount; i++)
                {
                    writer.Write(set.Names[i]);
                    WriteType(writer, set.FieldTypes[i]);
                    writer.Write(set.DataTypeNames[i]);
                }

                writer.Write(set.Rows.Count);
                foreach (var row in set.Rows)
                {
                    if (row.Length != set.FieldCount)
                    {
                        throw new NotSupportedException("A buffered row does not have one value per field.");
                    }

                    foreach (var value in row)
                    {
                        WriteValue(writer, value);
                    }
                }
            }
        }

        var bodyBytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        var bytes = new byte[HeaderSize + bodyBytes.Length];
        Magic.CopyTo(bytes);
        bytes[4] = FormatVersion;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(5), bodyBytes.Length);
        Checksum(bodyBytes).CopyTo(bytes.AsSpan(9));
        bodyBytes.CopyTo(bytes.AsSpan(HeaderSize));
        return bytes;
    }

    /// <summary>Reads an entry; never throws.</summary>
    /// <param name="bytes">The stored bytes.</param>
    /// <param name="entry">The entry, when the bytes decode.</param>
    /// <param name="expiresUtcTicks">When the entry stops being valid by the cache's clock.</param>
    /// <param name="error">Why the bytes did not decode.</param>
    /// <returns><see langword="true" /> if the bytes decoded.</returns>
    public static bool TryDeserialize(byte[] bytes, out CacheEntry? entry, out long expiresUtcTicks, out string? error)
    {
        entry = null;
        expiresUtcTicks = 0;
        try
        {
            if (bytes.Length < HeaderSize || !bytes.AsSpan(0, 4).SequenceEqual(Magic))
            {
                error = "not an EfReadCache entry (bad magic)";
                return false;
            }

            if (bytes[4] != FormatVersion)
            {
                error = $"format version {bytes[4]}, expected {FormatVersion}";
                return false;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(5));
            if (length != bytes.Length - HeaderSize)
            {
                error = $"body length {length} does not match {bytes.Length - HeaderSize} stored bytes";
                return false;
            }

            var bodySpan = bytes.AsSpan(HeaderSize);
            if (!Checksum(bodySpan).SequenceEqual(bytes.AsSpan(9, 8)))
            {
                error = "checksum mismatch";
                return false;
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, HeaderSize, length, writable: false), Encoding.UTF8);
            var database = reader.ReadString();
            var tables = new string[Count(reader)];
            for (var i = 0; i < tables.Length; i++)
            {
                tables[i] = reader.ReadString();
            }

            var tokens = new long[Count(reader)];
            for (var i = 0; i < tokens.Length; i++)
            {
                tokens[i] = reader.ReadInt64();
            }

            var ttl = new TimeSpan(reader.ReadInt64());
            var sliding = reader.ReadBoolean();
            expiresUtcTicks = reader.ReadInt64();
            var entrySize = reader.ReadInt64();
            var recordsAffected = reader.ReadInt32();
            var resultSize = reader.ReadInt64();
            var executionTime = new TimeSpan(reader.ReadInt64());
            var sets = new BufferedResultSet[Count(reader)];
            for (var s = 0; s < sets.Length; s++)
            {
                var fieldCount = Count(reader);
                var names = new string[fieldCount];
                var types = new Type[fieldCount];
                var dataTypes = new string[fieldCount];
                for (var i = 0; i < fieldCount; i++)
                {
                    names[i] = reader.ReadString();
                    types[i] = ReadType(reader);
                    dataTypes[i] = reader.ReadString();
                }

                var rows = new List<object[]>(Count(reader));
                for (var r = 0; r < rows.Capacity; r++)
                {
                    var row = new object[fieldCount];
                    for (var i = 0; i < fieldCount; i++)
                    {
                        row[i] = ReadValue(reader)!;
                    }

                    rows.Add(row);
                }

                sets[s] = new BufferedResultSet(names, types, dataTypes, rows);
            }

            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                error = "trailing bytes after the entry";
                return false;
            }

            var tableSet = new TableSet(database, tables);
            if (tableSet.Count != tokens.Length)
            {
                error = "the number of tokens does not match the tables";
                return false;
            }

            var result = new BufferedResult(sets, recordsAffected, resultSize, executionTime);
            entry = new CacheEntry(result, tableSet, tokens, ttl, sliding, entrySize);
            error = null;
            return true;
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or InvalidDataException or FormatException
                                              or ArgumentException or OverflowException or InvalidCastException or NotSupportedException
                                              or OutOfMemoryException or TypeLoadException or FileNotFoundException or FileLoadException
                                              or BadImageFormatException)
        {
            entry = null;
            error = exception.GetType().Name + ": " + exception.Message;
            return false;
        }
    }

    private static byte[] Checksum(ReadOnlySpan<byte> body) => SHA256.HashData(body)[..8];

    // A count can never exceed the bytes left: corrupt lengths fail fast instead of allocating gigabytes.
    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException($"count {count} is out of range");
        }

        return count;
    }

    private enum TypeKind : byte
    {
        Known = 1,
        Array = 2,
        Nullable = 3,
        List = 4,
        Named = 5,
    }

    private enum ValueTag : byte
    {
        Null = 0,
        Boolean = 1,
        Byte = 2,
        SByte = 3,
        Int16 = 4,
        UInt16 = 5,
        Int32 = 6,
        UInt32 = 7,
        Int64 = 8,
        UInt64 = 9,
        Single = 10,
        Double = 11,
        Decimal = 12,
        Char = 13,
        String = 14,
        Bytes = 15,
        Guid = 16,
        DateTime = 17,
        DateTimeOffset = 18,
        TimeSpan = 19,
        DateOnly = 20,
        TimeOnly = 21,
        Enum = 22,
        Array = 23,
        List = 24,
        DbNull = 25,
    }

    private static bool CanWriteType(Type type)
        => KnownTypeIndex.ContainsKey(type)
            || (type.IsArray && type.GetArrayRank() == 1 && CanWriteType(type.GetElementType()!))
            || (Nullable.GetUnderlyingType(type) is { } inner && CanWriteType(inner))
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && CanWriteType(type.GetGenericArguments()[0]))
            || (!type.IsGenericTypeDefinition && type.AssemblyQualifiedName is not null && !type.IsPointer && !type.IsByRef);

    private static void WriteType(BinaryWriter writer, Type type)
    {
        if (KnownTypeIndex.TryGetValue(type, out var index))
        {
            writer.Write((byte)TypeKind.Known);
            writer.Write(index);
        }
        else if (type.IsArray && type.GetArrayRank() == 1 && type.IsSZArray)
        {
            writer.Write((byte)TypeKind.Array);
            WriteType(writer, type.GetElementType()!);
        }
        else if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            writer.Write((byte)TypeKind.Nullable);
            WriteType(writer, inner);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            writer.Write((byte)TypeKind.List);
            WriteType(writer, type.GetGenericArguments()[0]);
        }
        else
        {
            writer.Write((byte)TypeKind.Named);
            writer.Write(type.AssemblyQualifiedName ?? throw new NotSupportedException($"Type {type} has no assembly-qualified name."));
        }
    }

    private static Type ReadType(BinaryReader reader)
        => (TypeKind)reader.ReadByte() switch
        {
            TypeKind.Known => reader.ReadByte() is var index && index < KnownTypes.Length
                ? KnownTypes[index]
                : throw new InvalidDataException($"unknown type index {index}"),
            TypeKind.Array => ReadType(reader).MakeArrayType(),
            TypeKind.Nullable => typeof(Nullable<>).MakeGenericType(ReadType(reader)),
            TypeKind.List => typeof(List<>).MakeGenericType(ReadType(reader)),
            TypeKind.Named => Type.GetType(reader.ReadString(), throwOnError: false)
                ?? throw new InvalidDataException("a stored type cannot be loaded in this process"),
            var kind => throw new InvalidDataException($"unknown type kind {kind}"),
        };

    private static bool CanWriteValue(object? value)
        => value switch
        {
            null or DBNull or bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or char
                or string or byte[] or Guid or DateTime or DateTimeOffset or TimeSpan or DateOnly or TimeOnly => true,
            Enum => CanWriteType(value.GetType()),
            Array array => array.Rank == 1 && array.GetType().IsSZArray && CanWriteType(array.GetType().GetElementType()!) && array.Cast<object?>().All(CanWriteValue),
            IList list when IsList(value.GetType()) => CanWriteType(value.GetType().GetGenericArguments()[0]) && list.Cast<object?>().All(CanWriteValue),
            _ => false,
        };

    private static bool IsList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>);

    private static void WriteValue(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.Write((byte)ValueTag.Null);
                break;
            case DBNull:
                writer.Write((byte)ValueTag.DbNull);
                break;
            case Enum:
                writer.Write((byte)ValueTag.Enum);
                WriteType(writer, value.GetType());
                writer.Write(Enum.GetUnderlyingType(value.GetType()) == typeof(ulong)
                    ? unchecked((long)Convert.ToUInt64(value, CultureInfo.InvariantCulture))
                    : Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case bool v:
                writer.Write((byte)ValueTag.Boolean);
                writer.Write(v);
                break;
            case byte v:
                writer.Write((byte)ValueTag.Byte);
                writer.Write(v);
                break;
            case sbyte v:
                writer.Write((byte)ValueTag.SByte);
                writer.Write(v);
                break;
            case short v:
                writer.Write((byte)ValueTag.Int16);
                writer.Write(v);
                break;
            case ushort v:
                writer.Write((byte)ValueTag.UInt16);
                writer.Write(v);
                break;
            case int v:
                writer.Write((byte)ValueTag.Int32);
                writer.Write(v);
                break;
            case uint v:
                writer.Write((byte)ValueTag.UInt32);
                writer.Write(v);
                break;
            case long v:
                writer.Write((byte)ValueTag.Int64);
                writer.Write(v);
                break;
            case ulong v:
                writer.Write((byte)ValueTag.UInt64);
                writer.Write(v);
                break;
            case float v:
                writer.Write((byte)ValueTag.Single);
                writer.Write(v);
                break;
            case double v:
                writer.Write((byte)ValueTag.Double);
                writer.Write(v);
                break;
            case decimal v:
                writer.Write((byte)ValueTag.Decimal);
                writer.Write(v); // the four bits words: scale and sign survive
                break;
            case char v:
                writer.Write((byte)ValueTag.Char);
                writer.Write((ushort)v); // a lone surrogate is a valid char but not valid UTF-8
                break;
            case string v:
                writer.Write((byte)ValueTag.String);
                WriteString(writer, v);
                break;
            case byte[] v:
                writer.Write((byte)ValueTag.Bytes);
                writer.Write(v.Length);
                writer.Write(v);
                break;
            case Guid v:
                writer.Write((byte)ValueTag.Guid);
                writer.Write(v.ToByteArray());
                break;
            case DateTime v:
                writer.Write((byte)ValueTag.DateTime);
                writer.Write(v.Ticks);
                writer.Write((byte)v.Kind);
                break;
            case DateTimeOffset v:
                writer.Write((byte)ValueTag.DateTimeOffset);
                writer.Write(v.Ticks);
                writer.Write(v.Offset.Ticks);
                break;
            case TimeSpan v:
                writer.Write((byte)ValueTag.TimeSpan);
                writer.Write(v.Ticks);
                break;
            case DateOnly v:
                writer.Write((byte)ValueTag.DateOnly);
                writer.Write(v.DayNumber);
                break;
            case TimeOnly v:
                writer.Write((byte)ValueTag.TimeOnly);
                writer.Write(v.Ticks);
                break;
            case Array array when array.Rank == 1 && array.GetType().IsSZArray:
                writer.Write((byte)ValueTag.Array);
                WriteType(writer, array.GetType().GetElementType()!);
                writer.Write(array.Length);
                foreach (var item in array)
                {
                    WriteValue(writer, item);
                }

                break;
            case IList list when IsList(value.GetType()):
                writer.Write((byte)ValueTag.List);
                WriteType(writer, value.GetType().GetGenericArguments()[0]);
                writer.Write(list.Count);
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                break;
            default:
                throw new NotSupportedException($"EfReadCache.Redis cannot store a value of type {value.GetType().FullName}.");
        }
    }

    // Strings are written as UTF-16 code units, so unpaired surrogates round-trip exactly.
    private static void WriteString(BinaryWriter writer, string value)
    {
        writer.Write(value.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan()));
    }

    private static string ReadString(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > (reader.BaseStream.Length - reader.BaseStream.Position) / 2)
        {
            throw new InvalidDataException($"string length {length} is out of range");
        }

        var bytes = reader.ReadBytes(length * 2);
        return new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(bytes));
    }

    private static object? ReadValue(BinaryReader reader)
        => (ValueTag)reader.ReadByte() switch
        {
            ValueTag.Null => null,
            ValueTag.DbNull => DBNull.Value,
            ValueTag.Boolean => reader.ReadBoolean(),
            ValueTag.Byte => reader.ReadByte(),
            ValueTag.SByte => reader.ReadSByte(),
            ValueTag.Int16 => reader.ReadInt16(),
            ValueTag.UInt16 => reader.ReadUInt16(),
            ValueTag.Int32 => reader.ReadInt32(),
            ValueTag.UInt32 => reader.ReadUInt32(),
            ValueTag.Int64 => reader.ReadInt64(),
            ValueTag.UInt64 => reader.ReadUInt64(),
            ValueTag.Single => reader.ReadSingle(),
            ValueTag.Double => reader.ReadDouble(),
            ValueTag.Decimal => reader.ReadDecimal(),
            ValueTag.Char => (char)reader.ReadUInt16(),
            ValueTag.String => ReadString(reader),
            ValueTag.Bytes => reader.ReadBytes(Count(reader)),
            ValueTag.Guid => new Guid(reader.ReadBytes(16) is { Length: 16 } guid ? guid : throw new EndOfStreamException()),
            ValueTag.DateTime => ReadDateTime(reader),
            ValueTag.DateTimeOffset => new DateTimeOffset(reader.ReadInt64(), new TimeSpan(reader.ReadInt64())),
            ValueTag.TimeSpan => new TimeSpan(reader.ReadInt64()),
            ValueTag.DateOnly => DateOnly.FromDayNumber(reader.ReadInt32()),
            ValueTag.TimeOnly => new TimeOnly(reader.ReadInt64()),
            ValueTag.Enum => ReadEnum(reader),
            ValueTag.Array => ReadArray(reader),
            ValueTag.List => ReadList(reader),
            var tag => throw new InvalidDataException($"unknown value tag {tag}"),
        };

    private static DateTime ReadDateTime(BinaryReader reader)
    {
        var ticks = reader.ReadInt64();
        var kind = reader.ReadByte();
        return kind <= (byte)DateTimeKind.Local ? new DateTime(ticks, (DateTimeKind)kind) : throw new InvalidDataException($"unknown DateTimeKind {kind}");
    }

    private static object ReadEnum(BinaryReader reader)
    {
        var type = ReadType(reader);
        return type.IsEnum ? Enum.ToObject(type, reader.ReadInt64()) : throw new InvalidDataException($"{type} is not an enum");
    }

    private static Array ReadArray(BinaryReader reader)
    {
        var elementType = ReadType(reader);
        var array = Array.CreateInstance(elementType, Count(reader));
        for (var i = 0; i < array.Length; i++)
        {
            array.SetValue(ReadValue(reader), i);
        }

        return array;
    }

    private static IList ReadList(BinaryReader reader)
    {
        var elementType = ReadType(reader);
        var count = Count(reader);
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType), count)!;
        for (var i = 0; i < count; i++)
        {
            list.Add(ReadValue(reader));
        }

        return list;
    }
}
