using EfReadCache.Migrations;
using EfReadCache.Tool.Protocol;

namespace EfReadCache.Tool.Worker;

/// <summary>Turns the migrator's objects into the tool's report objects.</summary>
internal static class PlanMapper
{
    public static PlanReport Map(SchemaPlan plan) => new()
    {
        Operations = plan.Operations.Select(o => new OperationReport
        {
            Kind = o.Kind,
            Table = o.Table,
            Column = o.Column,
            Description = o.Description,
            Sql = o.Sql.ToList(),
            LosesData = o.LosesData,
            FixedRows = o.FixedRows,
        }).ToList(),
        Warnings = plan.Warnings.ToList(),
        Blocked = plan.Blocked
            .Select(b => new BlockedReport { Kind = b.Kind, Table = b.Table, Column = b.Column, Reason = b.Reason, RequiresDataLoss = b.RequiresDataLoss })
            .ToList(),
        Unmanaged = plan.Unmanaged.Select(u => new UnmanagedReport { Kind = u.Kind, Name = u.Name, Table = u.Table }).ToList(),
        LosesData = plan.LosesData,
        IsEmpty = plan.IsEmpty,
        HasDrift = plan.HasDrift,
    };

    public static ApplyReport Map(SchemaApplyResult result) => new()
    {
        Applied = result.Applied,
        ChangedTables = result.ChangedTables.ToList(),
        Messages = result.Messages.ToList(),
    };
}
