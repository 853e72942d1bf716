using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tool.Worker;

/// <summary>A DbContext the tool created, how, and what to dispose with it (a service scope, a host).</summary>
internal sealed class CreatedContext : IAsyncDisposable
{
    private readonly List<object> owned;

    public CreatedContext(DbContext context, string createdBy, IEnumerable<object>? owned = null)
    {
        Context = context;
        CreatedBy = createdBy;
        this.owned = owned?.ToList() ?? [];
    }

    public DbContext Context { get; }

    public string CreatedBy { get; }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync().ConfigureAwait(false);
        foreach (var item in Enumerable.Reverse(owned))
        {
            switch (item)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
