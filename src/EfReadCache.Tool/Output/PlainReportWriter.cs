namespace EfReadCache.Tool.Output;

/// <summary>Writes report lines without styles.</summary>
internal sealed class PlainReportWriter(TextWriter output) : IReportWriter
{
    public void Line(params (string Text, string? Style)[] segments)
        => output.WriteLine(string.Concat(segments.Select(s => s.Text)));
}
