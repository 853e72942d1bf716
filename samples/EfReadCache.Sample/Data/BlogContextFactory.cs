using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EfReadCache.Sample.Data;

/// <summary>Lets design-time tools (<c>dotnet readcache</c>) create the context the way the application does.</summary>
public sealed class BlogContextFactory : IDesignTimeDbContextFactory<BlogContext>
{
    public BlogContext CreateDbContext(string[] args)
        => new(SampleDatabase.Configure(new DbContextOptionsBuilder<BlogContext>()).UseReadCache().Options);
}
