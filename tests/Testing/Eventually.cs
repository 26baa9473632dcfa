using Xunit;

namespace MicroInternships.Testing;

/// <summary>Waiting for what happens asynchronously (a consumer, a relay, a health check) without a fixed sleep.</summary>
public static class Eventually
{
    /// <summary>
    /// Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after <paramref name="timeout"/>,
    /// and with what <paramref name="state"/> reports then, so a failure shows where things stood.
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<Task<string>>? state = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.{(state is null ? "" : $" State: {await state()}.")}");
            }

            await Task.Delay(100);
        }
    }
}
