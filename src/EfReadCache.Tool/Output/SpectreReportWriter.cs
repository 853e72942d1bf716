using Spectre.Console;

namespace EfReadCache.Tool.Output;

/// <summary>Writes report lines with colors through Spectre.Console.</summary>
internal sealed class SpectreReportWriter : IReportWriter
{
    public void Line(params (string Text, string? Style)[] segments)
        => AnsiConsole.MarkupLine(string.Concat(segments.Select(s =>
            s.Style is null ? Markup.Escape(s.Text) : $"[{s.Style}]{Markup.Escape(s.Text)}[/]")));
}
