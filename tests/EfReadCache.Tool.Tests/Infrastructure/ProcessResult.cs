namespace EfReadCache.Tool.Tests.Infrastructure;

/// <summary>What a process printed and returned.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString()
        => $"$ {Command}{Environment.NewLine}exit code {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{StandardOutput}"
            + $"{Environment.NewLine}--- stderr ---{Environment.NewLine}{StandardError}";
}
