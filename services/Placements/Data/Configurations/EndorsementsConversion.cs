using System.Text.Json;
using System.Text.Json.Serialization;
using MicroInternships.Placements.Domain;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MicroInternships.Placements.Data.Configurations;

/// <summary>A placement's endorsements as one jsonb array, competencies by their wire names.</summary>
internal static class EndorsementsConversion
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static readonly ValueConverter<IReadOnlyList<Endorsement>, string> Converter = new(
        endorsements => JsonSerializer.Serialize(endorsements, _json),
        json => JsonSerializer.Deserialize<List<Endorsement>>(json, _json) ?? new List<Endorsement>());

    public static readonly ValueComparer<IReadOnlyList<Endorsement>> Comparer = new(
        (left, right) => left!.SequenceEqual(right!),
        endorsements => endorsements.Aggregate(0, (hash, e) => HashCode.Combine(hash, e)),
        endorsements => endorsements.ToList());
}
