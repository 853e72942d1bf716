using EfReadCache.Migrations;

namespace EfReadCache.Tool.Worker;

/// <summary>Forwards the migrator's progress to the command line, synchronously and in order.</summary>
internal sealed class ChannelProgress(WorkerChannel channel) : IProgress<SchemaMigrationProgress>
{
    public void Report(SchemaMigrationProgress value) => channel.Progress(value.Message);
}
