using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using EfReadCache.Tool.Output;
using EfReadCache.Tool.Protocol;

namespace EfReadCache.Tool.Cli;

/// <summary>The command line of <c>dotnet readcache</c>, through System.CommandLine.</summary>
internal static class ToolCommandLine
{
    /// <summary>Separates the arguments meant for the application (after <c>--</c>) from the tool's own.</summary>
    public static (string[] ToolArgs, string[] AppArgs) Split(string[] args)
    {
        var separator = Array.IndexOf(args, "--");
        return separator < 0 ? (args, []) : (args[..separator], args[(separator + 1)..]);
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var (toolArgs, appArgs) = Split(args);
        var root = Build(appArgs);
        var parseResult = root.Parse(toolArgs);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run 'dotnet readcache --help' (or '<command> --help') for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync().ConfigureAwait(false);
    }

    internal static Command Build(string[] appArgs)
    {
        // A Command rather than a RootCommand, so that usage reads "dotnet-readcache" (run as "dotnet readcache"), not the assembly name.
        var root = new Command(
            "dotnet-readcache",
            "Plan, apply and check EfReadCache schema migrations, and diagnose an EfReadCache setup." + Environment.NewLine
            + "It builds your project, loads it with its own dependencies and creates its DbContext like 'dotnet ef' does." + Environment.NewLine
            + "Arguments after -- are passed to the application: to CreateDbContext(args) of a design-time factory, or to its host.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());

        var migrate = new Command("migrate", "Compare the database with the EF Core model and bring it in line (schema-diff migrations).");
        migrate.Subcommands.Add(Leaf(
            ToolCommand.Plan,
            "plan",
            "Print the plan: the operations and their SQL, warnings, blocked items and objects not managed. Changes nothing.",
            withApplyOptions: false, appArgs));
        migrate.Subcommands.Add(Leaf(
            ToolCommand.Apply,
            "apply",
            "Apply the plan. Destructive operations (dropping a table or column, narrowing a type) are refused, "
            + "reported, and the command exits 1, unless --allow-data-loss is given.",
            withApplyOptions: true, appArgs));
        migrate.Subcommands.Add(Leaf(
            ToolCommand.Check,
            "check",
            "Exit 0 when the database matches the model and 1 when it has drifted. For CI and deployment gates.",
            withApplyOptions: false, appArgs));
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(Leaf(
            ToolCommand.Doctor,
            "doctor",
            "Check the setup and report each check as pass, warn or fail, with what to do: the project builds, the DbContext "
            + "can be created, its provider is supported, the database is reachable, the schema has not drifted, the cache "
            + "configuration is valid (and which tables the policy caches), Redis is reachable if configured. Exits 1 if a check fails.",
            withApplyOptions: false, appArgs));

        AddExitCodesToHelp(root);
        return root;
    }

    private static Command Leaf(string name, string verb, string description, bool withApplyOptions, string[] appArgs)
    {
        var command = new Command(verb, description);
        var project = new Option<string?>("--project", "-p")
        {
            Description = "The project that contains the DbContext (a .csproj file or its folder). Default: the current folder.",
            HelpName = "PATH",
        };
        var startupProject = new Option<string?>("--startup-project", "-s")
        {
            Description = "The application project to load and run (its dependencies and configuration). Default: --project.",
            HelpName = "PATH",
        };
        var context = new Option<string?>("--context", "-c")
        {
            Description = "The DbContext to use, by name or full name. Required when the project has several.",
            HelpName = "NAME",
        };
        var configuration = new Option<string>("--configuration")
        {
            Description = "The build configuration.",
            DefaultValueFactory = _ => "Debug",
            HelpName = "CONFIGURATION",
        };
        var framework = new Option<string?>("--framework", "-f")
        {
            Description = "The target framework, for projects that target several.",
            HelpName = "FRAMEWORK",
        };
        var noBuild = new Option<bool>("--no-build") { Description = "Do not build the project; use its last build output." };
        var connection = new Option<string?>("--connection")
        {
            Description = "The connection string to use instead of the one the application configures.",
            HelpName = "CONNECTION",
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show the commands run, the build output and details of errors." };
        var json = new Option<bool>("--json") { Description = "Write one machine-readable JSON document to standard output." };
        command.Options.Add(project);
        command.Options.Add(startupProject);
        command.Options.Add(context);
        command.Options.Add(configuration);
        command.Options.Add(framework);
        command.Options.Add(noBuild);
        command.Options.Add(connection);
        command.Options.Add(json);
        command.Options.Add(verbose);

        Option<bool>? allowDataLoss = null;
        Option<bool>? skipBlocked = null;
        Option<int?>? lockTimeout = null;
        if (withApplyOptions)
        {
            allowDataLoss = new Option<bool>("--allow-data-loss")
            {
                Description = "Run destructive operations too: dropping tables or columns, narrowing types.",
            };
            skipBlocked = new Option<bool>("--skip-blocked")
            {
                Description = "Apply the operations that are not blocked and leave the blocked ones (listed in the output).",
            };
            lockTimeout = new Option<int?>("--lock-timeout")
            {
                Description = "How long to wait for the migration lock held by another instance, in seconds.",
                HelpName = "SECONDS",
            };
            lockTimeout.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int?>() is < 1)
                {
                    r.AddError("--lock-timeout must be at least 1 second.");
                }
            });
            command.Options.Add(allowDataLoss);
            command.Options.Add(skipBlocked);
            command.Options.Add(lockTimeout);
        }

        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new ToolSettings
            {
                Project = parseResult.GetValue(project),
                StartupProject = parseResult.GetValue(startupProject),
                Context = parseResult.GetValue(context),
                Configuration = parseResult.GetValue(configuration) ?? "Debug",
                Framework = parseResult.GetValue(framework),
                NoBuild = parseResult.GetValue(noBuild),
                Connection = parseResult.GetValue(connection),
                Verbose = parseResult.GetValue(verbose),
                Json = parseResult.GetValue(json),
                AllowDataLoss = allowDataLoss is not null && parseResult.GetValue(allowDataLoss),
                SkipBlocked = skipBlocked is not null && parseResult.GetValue(skipBlocked),
                LockTimeoutSeconds = lockTimeout is null ? null : parseResult.GetValue(lockTimeout),
                AppArgs = appArgs,
            };
            return CommandRunner.RunAsync(name, settings, ToolConsole.Create(settings), cancellationToken);
        });
        return command;
    }

    private static void AddExitCodesToHelp(Command command)
    {
        foreach (var option in command.Options)
        {
            if (option is HelpOption { Action: HelpAction original } help)
            {
                help.Action = new HelpWithExitCodes(original);
            }
        }
    }

    /// <summary>The standard help, followed by the exit codes.</summary>
    private sealed class HelpWithExitCodes(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var result = inner.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Exit codes:");
            foreach (var (code, meaning) in ExitCodes.All)
            {
                output.WriteLine($"  {code}  {meaning}");
            }

            output.WriteLine();
            output.WriteLine("Examples:");
            output.WriteLine("  dotnet readcache migrate plan --project src/MyApp");
            output.WriteLine("  dotnet readcache migrate apply --project src/MyApp --connection \"Host=db;Database=app;Username=app\"");
            output.WriteLine("  dotnet readcache migrate check --no-build --json");
            output.WriteLine("  dotnet readcache doctor");
            return result;
        }
    }
}
