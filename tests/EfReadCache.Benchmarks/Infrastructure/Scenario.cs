namespace EfReadCache.Benchmarks.Infrastructure;

/// <summary>The read scenarios of the suite.</summary>
public enum Scenario
{
    /// <summary>One post by key.</summary>
    A_PostByKey,

    /// <summary>The 20 posts of a blog with Include(Blog).</summary>
    B_BlogPostsInclude,

    /// <summary>1000 posts.</summary>
    C_1000Posts,

    /// <summary>A Count.</summary>
    D_Count,

    /// <summary>A split query with two collections: a blog, its posts and their tags (three commands).</summary>
    E_SplitQuery,
}
