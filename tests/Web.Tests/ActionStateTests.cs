using MicroInternships.Web.Api;
using MicroInternships.Web.Components.Shared;

namespace MicroInternships.Web.Tests;

/// <summary>One form's or button's call in flight.</summary>
public sealed class ActionStateTests
{
    [Fact]
    public async Task A_second_submit_while_the_first_is_in_flight_sends_nothing()
    {
        var state = new ActionState();
        var answer = new TaskCompletionSource<ApiResult<string>>();
        var calls = 0;

        var first = state.RunAsync(() => { calls++; return answer.Task; });
        var second = state.RunAsync(() => { calls++; return answer.Task; });
        answer.SetResult(ApiResult<string>.Success("logged"));

        Assert.Null(await second);
        Assert.Equal("logged", await first);
        Assert.Equal(1, calls);
        Assert.False(state.Busy);
        Assert.Equal("again", await state.RunAsync(() => Task.FromResult(ApiResult<string>.Success("again"))));
    }
}
