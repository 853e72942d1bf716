using System.Diagnostics;
using EfReadCache.Tool.Output;
using EfReadCache.Tool.Projects;
using EfReadCache.Tool.Protocol;
using EfReadCache.Tool.Worker;

namespace EfReadCache.Tool.Cli;

/// <summary>
///     Runs one command: finds the project, builds it, runs the worker inside it, and prints the report.
/// </summary>
internal static class CommandRunner
{
    public const string ProjectCheck = "project";
    public const string BuildCheck = "build";

    public static async Task<int> RunAsync(string command, ToolSettings settings, ToolConsole console, CancellationToken cancellationToken)
    {
        var report = new CommandReport { Command = command };
        var doctor = command == ToolCommand.Doctor;
        var checks = new List<DoctorCheck>();
        var stage = ProjectCheck;
        try
        {
            await console.RunWithProgressAsync("Looking for the project", async progress =>
            {
                var projectPath = ProjectLocator.Resolve(settings.Project, "--project");
                var startupPath = settings.StartupProject is null ? projectPath : ProjectLocator.Resolve(settings.StartupProject, "--startup-project");
                report.Project = Relative(projectPath);
                report.StartupProject = startupPath == projectPath ? null : Relative(startupPath);

                progress("Reading " + Path.GetFileName(startupPath));
                var startup = await MsBuildProject.EvaluateAsync(startupPath, settings.Configuration, settings.Framework, console.VerboseWriter, cancellationToken)
                    .ConfigureAwait(false);
                var target = startupPath == projectPath
                    ? startup
                    : await MsBuildProject.EvaluateAsync(projectPath, settings.Configuration, settings.Framework, console.VerboseWriter, cancellationToken)
                        .ConfigureAwait(false);
                checks.Add(DoctorCheck.Create(
                    ProjectCheck, DoctorCheck.Pass,
                    $"Found {report.Project}" + (report.StartupProject is null ? "" : $" (startup project {report.StartupProject})")
                    + $", {startup.TargetFramework}, {settings.Configuration}."));

                stage = BuildCheck;
                var built = "Not built (--no-build): using the last build output.";
                if (!settings.NoBuild)
                {
                    var watch = Stopwatch.StartNew();
                    progress($"Building {startup.Name}");
                    await MsBuildProject.BuildAsync(startupPath, settings.Configuration, settings.Framework, console.VerboseWriter, cancellationToken)
                        .ConfigureAwait(false);
                    if (target != startup)
                    {
                        progress($"Building {target.Name}");
                        await MsBuildProject.BuildAsync(projectPath, settings.Configuration, settings.Framework, console.VerboseWriter, cancellationToken)
                            .ConfigureAwait(false);
                    }

                    built = $"{startup.Name} built in {watch.Elapsed.TotalSeconds:0.0} s.";
                    if (startup.PackageFolders.Count == 0)
                    {
                        // Never restored before this build: read the NuGet folders the build just set up.
                        startup = await MsBuildProject.EvaluateAsync(startupPath, settings.Configuration, settings.Framework, console.VerboseWriter, cancellationToken)
                            .ConfigureAwait(false);
                        target = startupPath == projectPath ? startup : target;
                    }
                }

                EnsureBuilt(startup, settings);
                EnsureBuilt(target, settings);
                checks.Add(DoctorCheck.Create(BuildCheck, DoctorCheck.Pass, built));

                stage = "worker";
                progress($"Starting inside {startup.Name}");
                var request = new WorkerRequest
                {
                    Command = command,
                    TargetAssemblyPath = target.TargetPath,
                    StartupAssemblyPath = startup.TargetPath,
                    Context = settings.Context,
                    Connection = settings.Connection,
                    AllowDataLoss = settings.AllowDataLoss,
                    SkipBlocked = settings.SkipBlocked,
                    LockTimeoutSeconds = settings.LockTimeoutSeconds,
                    AppArgs = settings.AppArgs,
                    Verbose = settings.Verbose,
                };
                var worker = await WorkerLauncher.RunAsync(startup, request, progress, console.VerboseWriter, cancellationToken).ConfigureAwait(false);
                report.ExitCode = worker.ExitCode;
                report.Context = worker.Context;
                report.Plan = worker.Plan;
                report.Apply = worker.Apply;
                report.Error = worker.Error;
                if (doctor)
                {
                    report.Checks = [.. checks, .. worker.Checks ?? []];
                }
            }).ConfigureAwait(false);
        }
        catch (ToolException ex)
        {
            if (doctor)
            {
                report.Checks = [.. checks];
                if (stage == "worker")
                {
                    report.Checks.Add(DoctorCheck.Create(DoctorRunner.ContextCheck, DoctorCheck.Fail, ex.Message, ex.Hint));
                }
                else
                {
                    report.Checks.Add(DoctorCheck.Create(stage, DoctorCheck.Fail, ex.Message, ex.Hint));
                }

                var done = report.Checks.Select(c => c.Name).ToHashSet();
                foreach (var name in new[]
                         {
                             ProjectCheck, BuildCheck, DoctorRunner.ContextCheck, DoctorRunner.ProviderCheck, DoctorRunner.DatabaseCheck,
                             DoctorRunner.SchemaCheck, DoctorRunner.CacheCheck, DoctorRunner.RedisCheck,
                         }.Where(n => !done.Contains(n)))
                {
                    report.Checks.Add(DoctorCheck.Create(name, DoctorCheck.Skip, "Not checked: an earlier check failed."));
                }

                report.ExitCode = ExitCodes.NotClean;
            }
            else
            {
                report.ExitCode = ex.ExitCode;
                report.Error = ErrorReport.From(ex);
            }
        }
        catch (OperationCanceledException)
        {
            report.ExitCode = ExitCodes.Failed;
            report.Error = new ErrorReport { Message = "Canceled." };
        }

        console.Render(report);
        return report.ExitCode;
    }

    private static void EnsureBuilt(ProjectInfo project, ToolSettings settings)
    {
        if (!File.Exists(project.TargetPath))
        {
            throw new ToolException(
                ExitCodes.ProjectOrContext,
                $"The build output of {project.Name} was not found ({project.TargetPath}).",
                settings.NoBuild ? "Build the project first, or run without --no-build." : "Check the project's output settings.");
        }

        if (!File.Exists(project.DepsFilePath))
        {
            throw new ToolException(
                ExitCodes.ProjectOrContext,
                $"{project.Name} has no dependency manifest ({project.DepsFilePath}).",
                "Build it with the .NET SDK (GenerateDependencyFile must not be false).");
        }
    }

    private static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) && relative.Count(c => c == Path.DirectorySeparatorChar) > 3 ? path : relative;
    }
}
