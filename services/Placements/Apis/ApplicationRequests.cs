using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Placements.Apis;

/// <summary>The body of <c>POST /api/applications</c>.</summary>
public sealed record ApplyRequest(Guid? ListingId, string? Pitch, Guid? CourseId)
{
    public (Guid ListingId, string Pitch) Validate()
    {
        new FieldErrors()
            .When(ListingId is null, "listingId", "listingId is required.")
            .Length("pitch", Pitch, 1, 2000)
            .ThrowIfAny();
        return (ListingId!.Value, Pitch!.Trim());
    }
}
