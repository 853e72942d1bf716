using EfReadCache.Internal;

namespace EfReadCache.Tests.Unit;

public sealed class SingleFlightTests
{
    [Fact]
    public async Task The_first_caller_leads_and_the_others_get_its_result()
    {
        var flights = new SingleFlight<string, int>();
        var leader = flights.Join("k", out var isLeader);
        var follower = flights.Join("k", out var followerLeads);
        Assert.True(isLeader);
        Assert.False(followerLeads);
        Assert.Same(leader, follower);
        flights.Complete(leader, 7);
        Assert.Equal(7, (await follower.Completion.Task).Result);
        flights.Join("k", out var nextLeads);
        Assert.True(nextLeads); // a landed flight is gone
    }

    [Fact]
    public async Task A_failure_reaches_waiters_and_an_abandoned_flight_asks_them_to_retry()
    {
        var flights = new SingleFlight<string, int>();
        var failed = flights.Join("a", out _);
        flights.Fail(failed, new TimeoutException("db"));
        await Assert.ThrowsAsync<TimeoutException>(() => failed.Completion.Task);

        var abandoned = flights.Join("b", out _);
        flights.Abandon(abandoned);
        Assert.True((await abandoned.Completion.Task).LeaderCanceled);
        Assert.Equal(0, flights.Count);
    }
}
