using System.Data;

namespace EfReadCache.Storage;

/// <summary>One command parameter as it takes part in a key: name, declared type and value.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="DbType">The parameter's declared type.</param>
/// <param name="Value">The value; <see langword="null" /> and <see cref="DBNull" /> are the same.</param>
public readonly record struct CacheKeyParameter(string Name, DbType DbType, object? Value);
