using EfReadCache.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Specification;

/// <summary>
///     Every query shape the cache must replay faithfully, each marked Cacheable(): lists, First/Single, scalars,
///     Include (single and split), projections, FromSql, SqlQuery, tracking and no-tracking, inheritance, owned and
///     JSON columns, views, and every column type.
/// </summary>
public static class QuerySuite
{
    public delegate Task<object?> Query(TestContext context, bool async);

    public static IEnumerable<(string Name, Query Run)> All(bool postgres)
    {
        yield return ("blogs tracking with owned", (c, a) => List(c.Blogs.OrderBy(b => b.Id).Cacheable(), a));
        yield return ("blogs no-tracking", (c, a) => List(c.Blogs.AsNoTracking().OrderByDescending(b => b.Rating).Cacheable(), a));
        yield return ("posts with json metadata", (c, a) => List(c.Posts.Where(p => p.Likes > 12).OrderBy(p => p.Id).Cacheable(), a));
        yield return ("first", (c, a) => Scalar(c.Posts.OrderBy(p => p.PublishedAt).Cacheable(), q => q.First(), q => q.FirstAsync(), a));
        yield return ("first or default (none)", (c, a) => Scalar(c.Posts.Where(p => p.Likes < 0).OrderBy(p => p.Id).Cacheable(), q => q.FirstOrDefault(), q => q.FirstOrDefaultAsync(), a));
        yield return ("single", (c, a) => Scalar(c.Blogs.Where(b => b.Name == "Blog 2").Cacheable(), q => q.Single(), q => q.SingleAsync(), a));
        yield return ("count", (c, a) => Scalar(c.Posts.Cacheable(), q => q.Count(), q => q.CountAsync(), a));
        yield return ("long count filtered", (c, a) => Scalar(c.Posts.Where(p => p.Title.Contains("2.")).Cacheable(), q => q.LongCount(), q => q.LongCountAsync(), a));
        yield return ("any", (c, a) => Scalar(c.Comments.Where(x => x.Text.StartsWith("Comment 2")).Cacheable(), q => q.Any(), q => q.AnyAsync(), a));
        yield return ("sum", (c, a) => Scalar(c.Posts.Cacheable().Select(p => p.Likes), q => q.Sum(), q => q.SumAsync(), a));
        yield return ("max date", (c, a) => Scalar(c.Posts.Cacheable().Select(p => p.PublishedAt), q => q.Max(), q => q.MaxAsync(), a));
        yield return ("average", (c, a) => Scalar(c.Posts.Cacheable().Select(p => (double)p.Likes), q => q.Average(), q => q.AverageAsync(), a));
        yield return ("include single query", (c, a) => List(c.Posts.Include(p => p.Blog).OrderBy(p => p.Id).Cacheable(), a));
        yield return ("include split query", (c, a) => List(c.Blogs.Include(b => b.Posts).ThenInclude(p => p.Tags).AsSplitQuery().OrderBy(b => b.Id).Cacheable(), a));
        yield return ("include two collections split", (c, a) => List(c.Posts.Include(p => p.Comments).Include(p => p.Tags).AsSplitQuery().OrderBy(p => p.Id).Cacheable(), a));
        yield return ("projection with nested collection", (c, a) => List(c.Blogs.AsNoTracking().OrderBy(b => b.Id).Cacheable().Select(b => new { b.Name, b.Owner, Titles = b.Posts.OrderBy(p => p.Id).Select(p => p.Title).ToList() }), a));
        yield return ("group by", (c, a) => List(c.Posts.Cacheable().GroupBy(p => p.BlogId).Select(g => new { g.Key, Count = g.Count(), Likes = g.Sum(p => p.Likes) }).OrderBy(g => g.Key), a));
        yield return ("skip take", (c, a) => List(c.Posts.OrderBy(p => p.Id).Skip(3).Take(4).Cacheable(), a));
        yield return ("subquery any", (c, a) => List(c.Blogs.Where(b => b.Posts.Any(p => p.Comments.Count > 1)).OrderBy(b => b.Id).Cacheable().AsNoTracking(), a));
        yield return ("many to many", (c, a) => List(c.Tags.Include(t => t.Posts).OrderBy(t => t.Id).Cacheable(), a));
        yield return ("from sql", (c, a) => List(c.Blogs.FromSql($"SELECT * FROM \"Blogs\" WHERE \"Rating\" > {2}").OrderBy(b => b.Id).Cacheable(), a));
        yield return ("sql query scalar", (c, a) => List(c.Database.SqlQuery<int>($"SELECT \"Likes\" AS \"Value\" FROM \"Posts\"").OrderBy(x => x).Cacheable(), a));
        yield return ("every column type", (c, a) => List(c.TypeSamples.OrderBy(t => t.Id).Cacheable(), a));
        yield return ("every column type projected", (c, a) => List(c.TypeSamples.OrderBy(t => t.Id).Cacheable().Select(t => new
        {
            t.Int, t.Long, t.Short, t.Bool, t.Decimal, t.Double, t.Float, t.String, t.Bytes, t.Guid, t.DateTime, t.DateTimeOffset,
            t.TimeSpan, t.DateOnly, t.TimeOnly, t.Enum, t.EnumAsString, t.NInt, t.NLong, t.NBool, t.NDecimal, t.NDouble, t.NString,
            t.NBytes, t.NGuid, t.NDateTime, t.NDateTimeOffset, t.NTimeSpan, t.NDateOnly, t.NTimeOnly, t.NEnum,
        }), a));
        yield return ("tph", (c, a) => List(c.Animals.OrderBy(x => x.Id).Cacheable(), a));
        yield return ("tph of type", (c, a) => List(c.Animals.OfType<Dog>().OrderBy(x => x.Id).Cacheable(), a));
        yield return ("tpt", (c, a) => List(c.Vehicles.OrderBy(x => x.Id).Cacheable(), a));
        yield return ("tpc", (c, a) => List(c.Payments.OrderBy(x => x.Id).Cacheable(), a));
        yield return ("view", (c, a) => List(c.BlogSummaries.OrderBy(x => x.BlogId).Cacheable(), a));
        if (postgres)
        {
            yield return ("postgres types", (c, a) => List(c.PgSamples.OrderBy(x => x.Id).Cacheable(), a));
            yield return ("postgres types projected", (c, a) => List(c.PgSamples.OrderBy(x => x.Id).Cacheable().Select(x => new
            {
                x.Ints, x.Texts, x.Moods, x.NativeMood, x.NativeMoods, x.Jsonb, x.Interval, x.Timestamp, x.TimestampTz,
                x.TimestampTzOffset, x.Numeric, x.Uuid, x.Bytea, x.Date, x.Time, First = x.Ints[0],
            }), a));
        }
    }

    private static async Task<object?> List<T>(IQueryable<T> query, bool async) => async ? await query.ToListAsync() : query.ToList();

    private static async Task<object?> Scalar<T, TResult>(IQueryable<T> query, Func<IQueryable<T>, TResult> sync, Func<IQueryable<T>, Task<TResult>> async, bool isAsync)
        => isAsync ? await async(query) : sync(query);
}
