namespace EfReadCache.Tests.Model;

public enum Mood
{
    Calm = 0,
    Happy = 1,
    Grumpy = 2,
}

public class Blog
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Url { get; set; }
    public int Rating { get; set; }
    public Address? Owner { get; set; }
    public List<Post> Posts { get; set; } = [];
}

public class Address
{
    public required string Street { get; set; }
    public required string City { get; set; }
}

public class Post
{
    public int Id { get; set; }
    public int BlogId { get; set; }
    public Blog Blog { get; set; } = null!;
    public required string Title { get; set; }
    public int Likes { get; set; }
    public DateTime PublishedAt { get; set; }
    public PostMetadata Metadata { get; set; } = new();
    public List<Tag> Tags { get; set; } = [];
    public List<Comment> Comments { get; set; } = [];
}

public class PostMetadata
{
    public string? Editor { get; set; }
    public int WordCount { get; set; }
    public List<string> Keywords { get; set; } = [];
}

public class Comment
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public Post Post { get; set; } = null!;
    public required string Text { get; set; }
}

public class Tag
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Post> Posts { get; set; } = [];
}

public class BlogSummary
{
    public int BlogId { get; set; }
    public required string Name { get; set; }
    public long PostCount { get; set; }
}

public class TypeSample
{
    public int Id { get; set; }
    public int Int { get; set; }
    public long Long { get; set; }
    public short Short { get; set; }
    public bool Bool { get; set; }
    public decimal Decimal { get; set; }
    public double Double { get; set; }
    public float Float { get; set; }
    public required string String { get; set; }
    public required byte[] Bytes { get; set; }
    public Guid Guid { get; set; }
    public DateTime DateTime { get; set; }
    public DateTimeOffset DateTimeOffset { get; set; }
    public TimeSpan TimeSpan { get; set; }
    public DateOnly DateOnly { get; set; }
    public TimeOnly TimeOnly { get; set; }
    public Mood Enum { get; set; }
    public Mood EnumAsString { get; set; }
    public int? NInt { get; set; }
    public long? NLong { get; set; }
    public bool? NBool { get; set; }
    public decimal? NDecimal { get; set; }
    public double? NDouble { get; set; }
    public string? NString { get; set; }
    public byte[]? NBytes { get; set; }
    public Guid? NGuid { get; set; }
    public DateTime? NDateTime { get; set; }
    public DateTimeOffset? NDateTimeOffset { get; set; }
    public TimeSpan? NTimeSpan { get; set; }
    public DateOnly? NDateOnly { get; set; }
    public TimeOnly? NTimeOnly { get; set; }
    public Mood? NEnum { get; set; }
}

public abstract class Animal
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

public class Dog : Animal
{
    public string? Breed { get; set; }
}

public class Cat : Animal
{
    public int Lives { get; set; }
}

public abstract class Vehicle
{
    public int Id { get; set; }
    public required string Make { get; set; }
}

public class Car : Vehicle
{
    public int Seats { get; set; }
}

public class Truck : Vehicle
{
    public double Payload { get; set; }
}

public abstract class Payment
{
    public int Id { get; set; }
    public decimal Amount { get; set; }
}

public class CardPayment : Payment
{
    public required string Last4 { get; set; }
}

public class CashPayment : Payment
{
    public required string Currency { get; set; }
}

/// <summary>PostgreSQL-only column types.</summary>
public class PgSample
{
    public int Id { get; set; }
    public int[] Ints { get; set; } = [];
    public List<string> Texts { get; set; } = [];
    public Mood[] Moods { get; set; } = [];
    public Mood NativeMood { get; set; }
    public Mood[] NativeMoods { get; set; } = [];
    public required string Jsonb { get; set; }
    public TimeSpan Interval { get; set; }
    public DateTime Timestamp { get; set; }
    public DateTime TimestampTz { get; set; }
    public DateTimeOffset TimestampTzOffset { get; set; }
    public decimal Numeric { get; set; }
    public Guid Uuid { get; set; }
    public byte[] Bytea { get; set; } = [];
    public DateOnly Date { get; set; }
    public TimeOnly Time { get; set; }
}
