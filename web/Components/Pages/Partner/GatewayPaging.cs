using MicroInternships.Web.Api;
using MicroInternships.Web.Api.Contracts;

namespace MicroInternships.Web.Components.Pages.Partner;

/// <summary>Reads every page of a list, for choices that must be complete (organizations, funds, a listing's requests).</summary>
public static class GatewayPaging
{
    private const int MaxPages = 50;

    public static async Task<ApiResult<IReadOnlyList<T>>> AllAsync<T>(this GatewayClient gateway, string path, CancellationToken cancellationToken = default)
    {
        var items = new List<T>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var next = $"{path}{separator}limit=100" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var result = await gateway.GetAsync<Page<T>>(next, cancellationToken);
            if (!result.Succeeded)
            {
                return ApiResult<IReadOnlyList<T>>.Failure(result.Problem);
            }

            items.AddRange(result.Value.Items);
            cursor = result.Value.NextCursor;
            if (cursor is null)
            {
                break;
            }
        }

        return ApiResult<IReadOnlyList<T>>.Success(items);
    }
}
