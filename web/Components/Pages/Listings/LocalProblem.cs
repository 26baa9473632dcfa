using MicroInternships.Web.Api;

namespace MicroInternships.Web.Components.Pages.Listings;

/// <summary>A mistake caught on the page before any call, shown the same way as the API's validation answers.</summary>
public static class LocalProblem
{
    public static ApiProblem For(string detail, params (string Field, string Message)[] errors) =>
        new(400, null, detail, "validation", errors.ToDictionary(error => error.Field, error => new[] { error.Message }, StringComparer.OrdinalIgnoreCase));
}
