using EfReadCache.Tool.Cli;
using EfReadCache.Tool.Output;
using EfReadCache.Tool.Protocol;

namespace EfReadCache.Tool.Tests.Unit;

public sealed class CommandRunnerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("efrc-runner-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task No_project_is_exit_code_4_with_what_to_do()
    {
        var (exit, output) = await Run(ToolCommand.Plan, new ToolSettings { Project = directory });

        Assert.Equal(ExitCodes.ProjectOrContext, exit);
        Assert.Contains($"error: No project found in '{directory}'.", output);
        Assert.Contains("what to do: Run the command in your application's project folder, or pass --project", output);
    }

    [Fact]
    public async Task Doctor_reports_a_missing_project_as_a_failed_check_and_skips_the_rest()
    {
        var (exit, output) = await Run(ToolCommand.Doctor, new ToolSettings { Project = directory });

        Assert.Equal(ExitCodes.NotClean, exit);
        Assert.Contains("  FAIL  project", output);
        Assert.Contains("  SKIP  build", output);
        Assert.Contains("  SKIP  redis", output);
        Assert.Contains("doctor: 0 passed, 0 warning(s), 1 failed, 7 skipped.", output);
    }

    [Fact]
    public async Task A_project_that_does_not_build_is_exit_code_3_with_the_compiler_errors_and_the_build_output()
    {
        await File.WriteAllTextAsync(
            Path.Combine(directory, "Broken.csproj"),
            """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), "System.Console.WriteLine(\"x\")  // missing semicolon");

        var (exit, output) = await Run(ToolCommand.Check, new ToolSettings { Project = directory });

        Assert.Equal(ExitCodes.BuildFailed, exit);
        Assert.Contains("error: The build of 'Broken.csproj' failed:", output);
        Assert.Contains("error CS1002", output);
        Assert.Contains("Pass --no-build to use the last successful build.", output);
    }

    [Fact]
    public async Task No_build_without_a_build_output_says_to_build_first()
    {
        await File.WriteAllTextAsync(
            Path.Combine(directory, "Never.csproj"),
            """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);

        var (exit, output) = await Run(ToolCommand.Plan, new ToolSettings { Project = directory, NoBuild = true });

        Assert.Equal(ExitCodes.ProjectOrContext, exit);
        Assert.Contains("The build output of Never was not found", output);
        Assert.Contains("run without --no-build", output);
    }

    private static async Task<(int ExitCode, string Output)> Run(string command, ToolSettings settings)
    {
        var output = new StringWriter();
        var exit = await CommandRunner.RunAsync(command, settings, ToolConsole.CreatePlain(output, TextWriter.Null), CancellationToken.None);
        return (exit, output.ToString());
    }
}
