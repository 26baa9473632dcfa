using MicroInternships.Web.Api;

namespace MicroInternships.Web.Components.Shared;

/// <summary>One form's or button's call in flight: whether it is busy, and the problem its last try met.</summary>
public sealed class ActionState
{
    public bool Busy { get; private set; }

    public ApiProblem? Problem { get; private set; }

    public async Task<T?> RunAsync<T>(Func<Task<ApiResult<T>>> call)
    {
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
