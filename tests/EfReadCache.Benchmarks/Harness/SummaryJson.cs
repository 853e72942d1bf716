using System.Text.Json;
using BenchmarkDotNet.Reports;

namespace EfReadCache.Benchmarks.Harness;

/// <summary>The numbers of a BenchmarkDotNet summary as plain JSON (nanoseconds and bytes), for the report script.</summary>
public static class SummaryJson
{
    public static void Write(Summary summary, string path)
    {
        var rows = summary.Reports.Select(report => new Dictionary<string, object?>
        {
            ["method"] = report.BenchmarkCase.Descriptor.WorkloadMethod.Name,
            ["parameters"] = report.BenchmarkCase.Parameters.Items.ToDictionary(p => p.Name, p => p.Value?.ToString()),
            ["success"] = report.Success,
            ["mean_ns"] = report.ResultStatistics?.Mean,
            ["median_ns"] = report.ResultStatistics?.Median,
            ["stddev_ns"] = report.ResultStatistics?.StandardDeviation,
            ["min_ns"] = report.ResultStatistics?.Min,
            ["iterations"] = report.ResultStatistics?.N,
            ["allocated_bytes"] = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase),
        }).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
    }
}
