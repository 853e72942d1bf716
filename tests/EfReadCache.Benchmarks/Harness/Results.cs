using System.Text.Json;

namespace EfReadCache.Benchmarks.Harness;

/// <summary>The measurements that are not BenchmarkDotNet cases, written as JSON for the report script.</summary>
public sealed class Results
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public void Set(string name, object? value)
    {
        _values[name] = value;
        Console.WriteLine($"extras: {name} = {JsonSerializer.Serialize(value)}");
    }

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(_values, new JsonSerializerOptions { WriteIndented = true }));
    }
}
