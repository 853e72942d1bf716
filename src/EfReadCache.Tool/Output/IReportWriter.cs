namespace EfReadCache.Tool.Output;

/// <summary>Writes report lines, styled on a terminal, plain otherwise.</summary>
internal interface IReportWriter
{
    /// <summary>Writes one line made of segments; a segment's style is a Spectre.Console style (ignored when plain).</summary>
    void Line(params (string Text, string? Style)[] segments);
}
