using EfReadCache.Tool.Protocol;

namespace EfReadCache.Tool.Output;

/// <summary>Turns a <see cref="CommandReport" /> into the human-readable output of each command.</summary>
internal static class ReportRenderer
{
    private const string Dim = "grey";

    public static void Render(CommandReport report, IReportWriter writer, bool verbose)
    {
        if (report.Context is { } context)
        {
            writer.Line(("Context:  ", Dim), ($"{context.FullName} (created through {context.CreatedBy})", null));
            writer.Line(("Provider: ", Dim), (context.Provider ?? "none", null));
            if (context.Database is not null)
            {
                writer.Line(("Database: ", Dim), (context.Database, null));
            }

            writer.Line();
        }

        if (report.Checks is not null)
        {
            RenderChecks(report.Checks, writer);
        }
        else if (report.Plan is not null)
        {
            RenderPlan(report.Plan, writer, report.Command == ToolCommand.Apply && report.Apply is not null);
            RenderOutcome(report, writer);
        }

        if (report.Error is { } error)
        {
            writer.Line(("error: ", "red bold"), (error.Message, "red"));
            if (error.Hint is not null)
            {
                writer.Line(("  what to do: ", "yellow"), (error.Hint, null));
            }

            if (error.Details is not null && (verbose || report.ExitCode == ExitCodes.BuildFailed))
            {
                writer.Line();
                foreach (var line in error.Details.Split('\n'))
                {
                    writer.Line(("  " + line.TrimEnd('\r'), Dim));
                }
            }
        }
    }

    private static void RenderPlan(PlanReport plan, IReportWriter writer, bool applied)
    {
        if (plan.Operations.Count == 0)
        {
            writer.Line(("No operations: ", "green"), ("the database schema matches the model.", null));
        }
        else
        {
            writer.Line(($"{plan.Operations.Count} operation(s) {(applied ? "applied" : "planned")}:", "bold"));
            var number = 0;
            foreach (var operation in plan.Operations)
            {
                number++;
                writer.Line(
                    ($"  {number}. ", null),
                    (operation.Kind, "cyan"),
                    (" " + operation.Table + (operation.Column is null ? "" : "." + operation.Column), "bold"),
                    (": " + operation.Description, null),
                    (operation.FixedRows is { } rows ? $"  [{rows} row(s) fixed]" : "", "yellow"),
                    (operation.LosesData ? "  [loses data]" : "", "red"));
                foreach (var line in operation.Sql.SelectMany(s => s.Split('\n')).Select(l => l.TrimEnd()).Where(l => l.Length > 0))
                {
                    writer.Line(("       " + line, Dim));
                }
            }
        }

        if (plan.Warnings.Count > 0)
        {
            writer.Line();
            writer.Line(("Warnings:", "yellow bold"));
            foreach (var warning in plan.Warnings)
            {
                writer.Line(("  ! ", "yellow"), (warning, null));
            }
        }

        if (plan.Blocked.Count > 0)
        {
            writer.Line();
            writer.Line(("Blocked (not applied):", "red bold"));
            foreach (var blocked in plan.Blocked)
            {
                writer.Line(
                    ("  x ", "red"),
                    (blocked.Kind, "cyan"),
                    (" " + blocked.Table + (blocked.Column is null ? "" : "." + blocked.Column), "bold"),
                    (": " + blocked.Reason, null),
                    (blocked.RequiresDataLoss ? "  [needs --allow-data-loss]" : "  [fix the data first]", "yellow"));
            }
        }

        if (plan.Unmanaged.Count > 0)
        {
            writer.Line();
            writer.Line(("Not managed by the migrator (left as they are):", "bold"));
            foreach (var item in plan.Unmanaged)
            {
                writer.Line(("  - ", null), (item.Kind, "cyan"), (" " + item.Name, null), (item.Table is null ? "" : $" (on {item.Table})", Dim));
            }
        }

        writer.Line();
    }

    private static void RenderOutcome(CommandReport report, IReportWriter writer)
    {
        var plan = report.Plan!;
        switch (report.Command)
        {
            case ToolCommand.Plan:
                writer.Line(plan.HasDrift
                    ? ($"The database differs from the model. Apply with: dotnet readcache migrate apply{(plan.LosesData || plan.Blocked.Count > 0 ? " --allow-data-loss" : "")}", "yellow")
                    : ("Nothing to do.", "green"));
                break;
            case ToolCommand.Check:
                writer.Line(plan.HasDrift
                    ? ($"Drift: the database differs from the model ({plan.Operations.Count} operation(s), {plan.Blocked.Count} blocked). Exit code 1.", "red")
                    : ("No drift: the database matches the model.", "green"));
                break;
            case ToolCommand.Apply when report.Apply is { } apply:
                if (!apply.Applied && plan.Operations.Count == 0)
                {
                    writer.Line(("Nothing to apply: the database already matches the model.", "green"));
                }
                else
                {
                    writer.Line(
                        ($"Applied {plan.Operations.Count} operation(s).", "green"),
                        (apply.ChangedTables.Count > 0 ? " Changed tables: " + string.Join(", ", apply.ChangedTables) + "." : "", null));
                }

                foreach (var message in apply.Messages)
                {
                    writer.Line(("  " + message, Dim));
                }

                break;
        }
    }

    private static void RenderChecks(List<DoctorCheck> checks, IReportWriter writer)
    {
        var width = checks.Count == 0 ? 8 : checks.Max(c => c.Name.Length) + 2;
        foreach (var check in checks)
        {
            var (label, style) = check.Status switch
            {
                DoctorCheck.Pass => ("PASS", "green"),
                DoctorCheck.Warn => ("WARN", "yellow"),
                DoctorCheck.Fail => ("FAIL", "red bold"),
                _ => ("SKIP", Dim),
            };
            writer.Line(("  " + label, style), ("  " + check.Name.PadRight(width), "bold"), (check.Message, null));
            if (check.Hint is not null)
            {
                writer.Line((new string(' ', 8 + width) + "-> " + check.Hint, "yellow"));
            }
        }

        writer.Line();
        var failed = checks.Count(c => c.Status == DoctorCheck.Fail);
        var warned = checks.Count(c => c.Status == DoctorCheck.Warn);
        var passed = checks.Count(c => c.Status == DoctorCheck.Pass);
        var skipped = checks.Count(c => c.Status == DoctorCheck.Skip);
        writer.Line(
            ($"doctor: {passed} passed, {warned} warning(s), {failed} failed, {skipped} skipped.", failed > 0 ? "red" : warned > 0 ? "yellow" : "green"));
    }
}
