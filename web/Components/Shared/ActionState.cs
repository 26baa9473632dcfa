using MicroInternships.Web.Api;

namespace MicroInternships.Web.Components.Shared;

/// <summary>One form's or button's call in flight: whether it is busy, and the problem its last try met.</summary>
public sealed class ActionState
{
    public bool Busy { get; private set; }

    public ApiProblem? Problem { get; private set; }

    /// <summary>
    /// Runs <paramref name="call"/>, unless this action's previous call is still in flight: a second click or Enter can
    /// arrive before the disabled button reaches the browser, and each call carries a new idempotency key, so the
    /// server could not tell the two apart (hours logged twice, a budget adjusted twice). Then nothing is sent and the
    /// result is the default, as for a failure that needs no message.
    /// </summary>
    public async Task<T?> RunAsync<T>(Func<Task<ApiResult<T>>> call)
    {
        if (Busy)
        {
            return default;
        }

        Busy = true;
        Problem = null;
        try
        {
            var result = await call();
            if (!result.Succeeded)
            {
                Problem = result.Problem;
                return default;
            }

            return result.Value;
        }
        finally
        {
            Busy = false;
        }
    }

    public void Fail(ApiProblem problem) => Problem = problem;

    public void Clear() => Problem = null;
}
