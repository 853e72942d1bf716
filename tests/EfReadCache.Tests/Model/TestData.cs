using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Model;

/// <summary>Deterministic seed data: every row the suites start from.</summary>
public static class TestData
{
    public const string CreateViewSql =
        """CREATE VIEW "BlogSummaries" AS SELECT b."Id" AS "BlogId", b."Name" AS "Name", (SELECT COUNT(*) FROM "Posts" p WHERE p."BlogId" = b."Id") AS "PostCount" FROM "Blogs" b""";

    public static void Seed(TestContext context)
    {
        var start = new DateTime(2025, 3, 14, 15, 9, 26, DateTimeKind.Utc);
        var tags = Enumerable.Range(1, 5).Select(i => new Tag { Name = "tag" + i }).ToList();
        context.Tags.AddRange(tags);
        for (var b = 1; b <= 3; b++)
        {
            var blog = new Blog
            {
                Name = "Blog " + b,
                Url = b == 3 ? null : $"https://blog{b}.example",
                Rating = b * 2,
                Owner = b == 2 ? null : new Address { Street = b + " Main St", City = "Town" + b },
            };
            for (var p = 1; p <= 4; p++)
            {
                var post = new Post
                {
                    Title = $"Post {b}.{p}",
                    Likes = b * 10 + p,
                    PublishedAt = start.AddDays(b * 7 + p).AddMilliseconds(p * 123),
                    Metadata = new PostMetadata { Editor = p % 2 == 0 ? "ed" + p : null, WordCount = 100 * p, Keywords = ["k" + p, "b" + b] },
                    Tags = tags.Where((_, i) => (i + p) % 2 == 0).ToList(),
                };
                for (var c = 1; c <= p % 3; c++)
                {
                    post.Comments.Add(new Comment { Text = $"Comment {c} on {b}.{p}" });
                }

                blog.Posts.Add(post);
            }

            context.Blogs.Add(blog);
        }

        context.TypeSamples.AddRange(Sample(1), Sample(2), Sample(3, nulls: false), EmptySample(4));
        context.Animals.AddRange(new Dog { Name = "Rex", Breed = "Collie" }, new Cat { Name = "Tom", Lives = 9 }, new Dog { Name = "Fido" });
        context.Vehicles.AddRange(new Car { Make = "Volvo", Seats = 5 }, new Truck { Make = "MAN", Payload = 12.5 }, new Car { Make = "Fiat", Seats = 4 });
        context.Payments.AddRange(
            new CardPayment { Id = 1, Amount = 10.50m, Last4 = "4242" },
            new CashPayment { Id = 2, Amount = 3.20m, Currency = "EUR" },
            new CardPayment { Id = 3, Amount = 99.99m, Last4 = "0005" });
        if (context.IsPostgres)
        {
            context.PgSamples.AddRange(PgSampleRow(1), PgSampleRow(2));
        }

        context.SaveChanges();
        context.Database.ExecuteSqlRaw(CreateViewSql);
    }

    private static TypeSample Sample(int i, bool nulls = true)
        => new()
        {
            Int = i * 1000 + 7,
            Long = long.MaxValue - i,
            Short = (short)(i * 3),
            Bool = i % 2 == 0,
            Decimal = 1234.5600m + i,
            Double = Math.PI * i,
            Float = 1.25f * i,
            String = $"text {i} ünïcødé \"quoted\" 'single'",
            Bytes = [(byte)i, 0, 255, 128, 7],
            Guid = new Guid($"0000000{i}-1111-2222-3333-444455556666"),
            DateTime = new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Utc).AddTicks(i * 10),
            DateTimeOffset = new DateTimeOffset(2024, 12, 31, 10, 30, 0, TimeSpan.Zero).AddMinutes(i),
            TimeSpan = TimeSpan.FromHours(i) + TimeSpan.FromMilliseconds(500),
            DateOnly = new DateOnly(2020 + i, 1, 31),
            TimeOnly = new TimeOnly(13, 45, 10 + i),
            Enum = (Mood)(i % 3),
            EnumAsString = (Mood)((i + 1) % 3),
            NInt = nulls ? null : -i,
            NLong = nulls ? null : -i * 10L,
            NBool = nulls ? null : true,
            NDecimal = nulls ? null : 0.0001m * i,
            NDouble = nulls ? null : -0.5 * i,
            NString = nulls ? null : "n" + i,
            NBytes = nulls ? null : [9, 8, 7],
            NGuid = nulls ? null : Guid.Parse("abcdefab-cdef-abcd-efab-cdefabcdef0" + i),
            NDateTime = nulls ? null : new DateTime(1999, 12, 31, 0, 0, 0, DateTimeKind.Utc),
            NDateTimeOffset = nulls ? null : new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
            NTimeSpan = nulls ? null : TimeSpan.FromSeconds(-90),
            NDateOnly = nulls ? null : new DateOnly(1970, 1, 1),
            NTimeOnly = nulls ? null : new TimeOnly(0, 0, 1),
            NEnum = nulls ? null : Mood.Grumpy,
        };

    private static TypeSample EmptySample(int i)
        => new() { String = "", Bytes = [], Int = 0, DateTime = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), DateOnly = DateOnly.MinValue, Enum = Mood.Calm };

    private static PgSample PgSampleRow(int i)
        => new()
        {
            Ints = [i, i * 2, -i],
            Texts = ["a" + i, "b\"" + i, ""],
            Moods = [Mood.Happy, (Mood)(i % 3)],
            NativeMood = (Mood)(i % 3),
            NativeMoods = [Mood.Grumpy, Mood.Calm],
            Jsonb = $$"""{"n": {{i}}, "list": [1, 2, 3], "name": "x{{i}}"}""",
            Interval = TimeSpan.FromDays(i) + TimeSpan.FromMinutes(3),
            Timestamp = new DateTime(2023, 5, 6, 7, 8, 9, DateTimeKind.Unspecified).AddTicks(i * 10),
            TimestampTz = new DateTime(2023, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddMinutes(i),
            TimestampTzOffset = new DateTimeOffset(2022, 1, 2, 3, 4, 5, TimeSpan.Zero).AddSeconds(i),
            Numeric = 12.345600m * i,
            Uuid = Guid.Parse($"99999999-8888-7777-6666-55555555555{i}"),
            Bytea = [1, 2, (byte)i],
            Date = new DateOnly(2001, 2, i),
            Time = new TimeOnly(23, 59, i),
        };
}
