using System.CommandLine;
using EfReadCache.Tool.Cli;
using EfReadCache.Tool.Projects;

namespace EfReadCache.Tool.Tests.Unit;

public sealed class CommandLineTests
{
    [Fact]
    public void Arguments_after_the_separator_go_to_the_application()
    {
        var (tool, app) = ToolCommandLine.Split(["migrate", "plan", "--verbose", "--", "--environment", "Staging"]);

        Assert.Equal(["migrate", "plan", "--verbose"], tool);
        Assert.Equal(["--environment", "Staging"], app);
    }

    [Theory]
    [InlineData("migrate plan --bogus")]
    [InlineData("migrate")]
    [InlineData("migrate apply --lock-timeout 0")]
    [InlineData("doctor --allow-data-loss")]
    public async Task An_invalid_command_line_exits_with_the_usage_code(string commandLine)
    {
        Assert.Equal(ExitCodes.Usage, await ToolCommandLine.RunAsync(commandLine.Split(' ')));
    }

    [Fact]
    public void Help_lists_every_command_option_and_exit_code()
    {
        var root = ToolCommandLine.Build([]);

        var rootHelp = Help(root, "--help");
        var applyHelp = Help(root, "migrate", "apply", "--help");

        Assert.Contains("migrate", rootHelp);
        Assert.Contains("doctor", rootHelp);
        foreach (var (code, meaning) in ExitCodes.All)
        {
            Assert.Contains($"  {code}  {meaning}", rootHelp);
        }

        foreach (var option in new[] { "--project", "--startup-project", "--context", "--configuration", "--framework", "--no-build", "--connection", "--json", "--verbose", "--allow-data-loss", "--skip-blocked", "--lock-timeout" })
        {
            Assert.Contains(option, applyHelp);
        }

        Assert.Contains("Exit codes:", applyHelp);
    }

    [Fact]
    public void Msbuild_property_output_is_parsed()
    {
        var values = MsBuildProject.ParseProperties("""
            {
              "Properties": {
                "TargetPath": "/app/bin/Debug/net10.0/App.dll",
                "TargetFramework": "net10.0"
              }
            }
            """);

        Assert.Equal("/app/bin/Debug/net10.0/App.dll", values["TargetPath"]);
        Assert.Equal("net10.0", values["targetframework"]);
    }

    private static string Help(Command root, params string[] args)
    {
        var output = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output });
        Assert.Equal(0, exit);
        return output.ToString();
    }
}
