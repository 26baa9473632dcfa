using Microsoft.Kiota.Abstractions.Serialization;

namespace MicroInternships.Clients
{
    /// <summary>
    /// The problem details every service answers with, whichever service's client raised it: Kiota generates one
    /// <c>ApiProblem</c> per document, and a caller of several services wants to handle them as one.
    /// </summary>
    public interface IApiProblem
    {
        int? Status { get; }

        string? Code { get; }

        string? Title { get; }

        string? Detail { get; }

        /// <summary>The messages for each invalid field of a 400, keyed as the API names the field (<c>compensation.amountCents</c>).</summary>
        IReadOnlyDictionary<string, string[]> FieldErrors { get; }
    }

    internal static class FieldErrorReading
    {
        public static IReadOnlyDictionary<string, string[]> Read(IAdditionalDataHolder? errors) =>
            errors?.AdditionalData.ToDictionary(field => field.Key, field => Messages(field.Value), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string[]>();

        private static string[] Messages(object value) => value switch
        {
            UntypedArray messages => messages.GetValue().Select(Text).ToArray(),
            UntypedNode message => [Text(message)],
            _ => [value.ToString() ?? ""],
        };

        private static string Text(UntypedNode node) => node is UntypedString text ? text.GetValue() ?? "" : node.ToString() ?? "";
    }
}

namespace MicroInternships.Clients.Listings.Models
{
    public partial class ApiProblem : IApiProblem
    {
        public IReadOnlyDictionary<string, string[]> FieldErrors => FieldErrorReading.Read(Errors);
    }
}

namespace MicroInternships.Clients.Placements.Models
{
    public partial class ApiProblem : IApiProblem
    {
        public IReadOnlyDictionary<string, string[]> FieldErrors => FieldErrorReading.Read(Errors);
    }
}

namespace MicroInternships.Clients.Payments.Models
{
    public partial class ApiProblem : IApiProblem
    {
        public IReadOnlyDictionary<string, string[]> FieldErrors => FieldErrorReading.Read(Errors);
    }
}

namespace MicroInternships.Clients.Events.Models
{
    public partial class ApiProblem : IApiProblem
    {
        public IReadOnlyDictionary<string, string[]> FieldErrors => FieldErrorReading.Read(Errors);
    }
}

namespace MicroInternships.Clients.Notifications.Models
{
    public partial class ApiProblem : IApiProblem
    {
        public IReadOnlyDictionary<string, string[]> FieldErrors => FieldErrorReading.Read(Errors);
    }
}
