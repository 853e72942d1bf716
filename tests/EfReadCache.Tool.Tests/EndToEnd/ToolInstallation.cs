using EfReadCache.Tool.Tests.Infrastructure;

namespace EfReadCache.Tool.Tests.EndToEnd;

/// <summary>
///     Packs the tool, installs it into a temporary local tool manifest from the pack output, and runs it as
///     <c>dotnet readcache</c> against the sample project. Shared by the end-to-end classes (one collection), so the tool
///     is packed once and the sample is not built by two tests at the same time.
/// </summary>
public sealed class ToolInstallation : IAsyncLifetime
{
    public string RepositoryRoot { get; } = TestEnvironment.RepositoryRoot;

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "efrc-tool-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>A version no earlier run used, so that the global packages folder cannot hand back an older build.</summary>
    public string Version { get; } = "0.1.0-e2e-" + Guid.NewGuid().ToString("N")[..12];

    public string SampleProject => Path.Combine(RepositoryRoot, "samples", "EfReadCache.Sample", "EfReadCache.Sample.csproj");

    public async Task InitializeAsync()
    {
        var feed = Path.Combine(WorkDirectory, "feed");
        Directory.CreateDirectory(feed);

        var pack = await Dotnet(
            WorkDirectory,
            "pack", Path.Combine(RepositoryRoot, "src", "EfReadCache.Tool", "EfReadCache.Tool.csproj"),
            "-c", "Debug", "-o", feed, "-p:PackageVersion=" + Version, "-nologo");
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.True(File.Exists(Path.Combine(feed, $"EfReadCache.Tool.{Version}.nupkg")), pack.ToString());

        // Only the local feed: the tool package carries everything it needs.
        await File.WriteAllTextAsync(
            Path.Combine(WorkDirectory, "nuget.config"),
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="e2e" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        var manifest = await Dotnet(WorkDirectory, "new", "tool-manifest");
        Assert.True(manifest.ExitCode == 0, manifest.ToString());

        var install = await Dotnet(WorkDirectory, "tool", "install", "EfReadCache.Tool", "--add-source", feed, "--version", Version);
        Assert.True(install.ExitCode == 0, install.ToString());
    }

    public Task DisposeAsync()
    {
        TryDelete(WorkDirectory);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TryDelete(Path.Combine(packages, "efreadcache.tool", Version));
        return Task.CompletedTask;
    }

    /// <summary>Runs <c>dotnet readcache</c> with these arguments and environment variables.</summary>
    public Task<ProcessResult> ReadCache(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
        => ProcessHelper.RunAsync("dotnet", ["readcache", .. arguments], WorkDirectory, environment);

    private static Task<ProcessResult> Dotnet(string directory, params string[] arguments)
        => ProcessHelper.RunAsync("dotnet", arguments, directory);

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Temp files left behind are harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
