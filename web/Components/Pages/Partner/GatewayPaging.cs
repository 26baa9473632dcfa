using MicroInternships.Clients;
using MicroInternships.Clients.Listings.Models;
using MicroInternships.Clients.Payments.Models;
using MicroInternships.Web.Api;

namespace MicroInternships.Web.Components.Pages.Partner;

/// <summary>Reads every page of a list, for choices that must be complete (organizations, funds, a listing's requests).</summary>
public static class GatewayPaging
{
    public const int PageSize = 100;

    private const int MaxPages = 50;

    public static Task<ApiResult<IReadOnlyList<OrganizationDto>>> AllOrganizationsAsync(this GatewayClient gateway) =>
        gateway.AllAsync<OrganizationDto>(async (api, cursor) =>
            await api.Listings.Api.Organizations.GetAsync(query => (query.QueryParameters.Limit, query.QueryParameters.Cursor) = (PageSize, cursor)));

    public static Task<ApiResult<IReadOnlyList<FundDto>>> AllFundsAsync(this GatewayClient gateway) =>
        gateway.AllAsync<FundDto>(async (api, cursor) =>
            await api.Payments.Api.Funds.GetAsync(query => (query.QueryParameters.Limit, query.QueryParameters.Cursor) = (PageSize, cursor)));

    /// <summary>The course requests the caller may see: a partner's own, a faculty member's, or all for coordinators.</summary>
    public static Task<ApiResult<IReadOnlyList<CourseRequestDto>>> AllCourseRequestsAsync(this GatewayClient gateway) =>
        gateway.AllAsync<CourseRequestDto>(async (api, cursor) =>
            await api.Listings.Api.CourseRequests.GetAsync(query => (query.QueryParameters.Limit, query.QueryParameters.Cursor) = (PageSize, cursor)));

    /// <summary>An organization's open listings, the ones it may offer to courses.</summary>
    public static Task<ApiResult<IReadOnlyList<ListingDto>>> OpenListingsOfAsync(this GatewayClient gateway, Guid organizationId) =>
        gateway.AllAsync<ListingDto>(async (api, cursor) => await api.Listings.Api.Listings.GetAsync(query =>
            (query.QueryParameters.OrganizationId, query.QueryParameters.Limit, query.QueryParameters.Cursor) = (organizationId, PageSize, cursor)));

    /// <param name="readPage">Reads the page at a cursor (none for the first), <see cref="PageSize"/> items long.</param>
    public static async Task<ApiResult<IReadOnlyList<T>>> AllAsync<T>(
        this GatewayClient gateway, Func<GatewayClients, string?, Task<IPage<T>?>> readPage, CancellationToken cancellationToken = default)
    {
        var items = new List<T>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await gateway.CallAsync(api => readPage(api, cursor), cancellationToken);
            if (!result.Succeeded)
            {
                return ApiResult<IReadOnlyList<T>>.Failure(result.Problem);
            }

            items.AddRange(result.Value.Items ?? []);
            cursor = result.Value.NextCursor;
            if (cursor is null)
            {
                break;
            }
        }

        return ApiResult<IReadOnlyList<T>>.Success(items);
    }
}
