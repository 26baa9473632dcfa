using System.Reflection;
using System.Text.RegularExpressions;
using MicroInternships.Contracts.Listings;
using MicroInternships.Testing;

namespace MicroInternships.Messaging.Tests;

/// <summary>
/// docs/events-catalog.md is the catalog other teams build on: it must name every integration event and snapshot the
/// contracts hold, with their fields as they travel, and each event's publisher and consumers as the services' code
/// has them. And no event may carry personal text.
/// </summary>
public sealed partial class EventCatalogTests
{
    private static readonly Assembly _contracts = typeof(ListingSnapshot).Assembly;

    private static readonly string[] _services = ["Listings", "Placements", "Payments", "Events", "Notifications", "Insights"];

    /// <summary>
    /// Every text an event may carry, and why it is not personal: ids, names people are known by in the program,
    /// wire values (statuses, tiers, reasons as codes), and the public facts of listings, courses and organizations.
    /// Pitches, reflections, feedback comments, messages and notes must never be added here.
    /// </summary>
    private static readonly HashSet<string> _allowedText =
    [
        "ApplicationSnapshot.StudentId", "ApplicationSnapshot.StudentName", "ApplicationSnapshot.Status", "ApplicationSnapshot.Currency",
        "CourseListingLinked.FacultyId", "CourseListingLinked.FacultyName", "CourseListingLinked.CourseCode",
        "CourseListingUnlinked.FacultyId", "CourseListingUnlinked.FacultyName", "CourseListingUnlinked.CourseCode",
        "CourseRequestSnapshot.PartnerId", "CourseRequestSnapshot.FacultyId", "CourseRequestSnapshot.Status",
        "CourseSnapshot.FacultyId", "CourseSnapshot.FacultyName", "CourseSnapshot.Code", "CourseSnapshot.Title", "CourseSnapshot.Term", "CourseSnapshot.Department", "ListingSnapshot.Discipline",
        "CourseSnapshot.Disciplines", "CourseSnapshot.Skills",
        "MembershipSnapshot.Subject", "MembershipSnapshot.Status", "InvitationSnapshot.Status", "InvitationSnapshot.AcceptedBy", "PartnerInterestSnapshot.Status",
        "CourseNeedSnapshot.FacultyId", "CourseNeedSnapshot.Status", "CourseNeedSnapshot.Skills", "CourseNeedSnapshot.Disciplines",
        "CredentialSnapshot.CredentialId", "CredentialSnapshot.StudentId", "CredentialSnapshot.Status", "CredentialRevoked.Reason",
        "PortfolioSnapshot.StudentId", "PortfolioSnapshot.Slug",
        "EventFeeSnapshot.Audience", "EventSessionSnapshot.Title", "EventSessionSnapshot.Kind", "EventSessionSnapshot.Room",
        "EventSnapshot.Title", "EventSnapshot.Venue", "EventSnapshot.TimeZone", "EventPresenterSnapshot.Name", "EventPresenterSnapshot.Role",
        "TalkProposalSnapshot.ProposerId", "TalkProposalSnapshot.ProposerRole", "TalkProposalSnapshot.Type", "TalkProposalSnapshot.Status",
        "SessionSignupSnapshot.AttendeeId", "SessionSignupSnapshot.Status",
        "FeedbackGiven.GivenBy", "FeedbackRevealed.StudentId",
        "FundChanged.Change", "FundReservationRefused.Currency", "FundReservationRefused.Reason", "FundSnapshot.Name", "FundSnapshot.Currency",
        "ListingClosed.Reason",
        "ListingSnapshot.Status", "ListingSnapshot.OrganizationName", "ListingSnapshot.Title", "ListingSnapshot.Currency",
        "OrganizationSnapshot.Name", "OrganizationSnapshot.Website",
        "PayoutFailed.Currency", "PayoutFailed.Reason", "PayoutPaid.Currency", "PayoutReturned.Currency", "PayoutReturned.Reason",
        "PayoutFlagged.Reason", "PayoutOnHold.Reason",
        "PayoutSnapshot.StudentId", "PayoutSnapshot.Currency", "PayoutSnapshot.Status", "PayoutSnapshot.FailureReason",
        "PlacementSettled.SettledBy", "PlacementSettlementEscalated.Reason",
        "ReplayRequested.Consumer", "ReplayRequested.EventTypes",
        "ReflectionAdded.AuthorId", "ReflectionAdded.AuthorRole", "ReflectionSharingChanged.Sharing",
        "PlacementSnapshot.StudentId", "PlacementSnapshot.StudentName", "PlacementSnapshot.Currency", "PlacementSnapshot.Status",
        "PlacementSnapshot.Settlement",
        "RegistrationSnapshot.AttendeeId", "RegistrationSnapshot.Audience", "RegistrationSnapshot.Status", "RegistrationSnapshot.Tier",
        "SlotSnapshot.PartnerId", "SlotSnapshot.BookedBy",
    ];

    [Fact]
    public void TheCatalog_NamesEveryEventAndSnapshot_WithItsFields()
    {
        var page = Sections(File.ReadAllText(Path.Combine(Repository.Root, "docs", "events-catalog.md")));
        var types = _contracts.GetExportedTypes().Where(IsMessageOrSnapshot).ToList();
        var problems = new List<string>();

        foreach (var type in types.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var fields = "- Fields: " + string.Join(", ", Properties(type).Select(p => $"`{CamelCase(p.Name)}` ({TypeName(p)})"));
            if (!page.TryGetValue(type.Name, out var section))
            {
                problems.Add($"missing: ### {type.Name}\n{fields}");
            }
            else if (!section.Contains(fields, StringComparison.Ordinal))
            {
                problems.Add($"### {type.Name} should say:\n{fields}");
            }
        }

        problems.AddRange(page.Keys.Except(types.Select(t => t.Name)).Select(name => $"### {name} is no type of libs/Contracts"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheCatalog_NamesEachEventsPublisherAndConsumers_AsTheCodeHasThem()
    {
        var page = Sections(File.ReadAllText(Path.Combine(Repository.Root, "docs", "events-catalog.md")));
        var sources = _services.ToDictionary(service => service, service => Directory
            .EnumerateFiles(Path.Combine(Repository.Root, "services", service), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList());
        var problems = new List<string>();

        foreach (var type in _contracts.GetExportedTypes().Where(IsEvent).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var publishers = _services.Where(s => sources[s].Any(text => text.Contains($"new {type.Name}(", StringComparison.Ordinal)));
            var consumers = _services.Where(s => sources[s].Any(text =>
                text.Contains($"InboxConsumer<{type.Name},", StringComparison.Ordinal) || text.Contains($"IConsumer<{type.Name}>", StringComparison.Ordinal)
                || text.Contains($"FactConsumer<{type.Name}>", StringComparison.Ordinal)));
            var expected = $"- Publisher: {Names(publishers)}\n- Consumers: {Names(consumers)}";
            if (page.TryGetValue(type.Name, out var section) && !section.Contains(expected, StringComparison.Ordinal))
            {
                problems.Add($"### {type.Name} should say:\n{expected}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void NoEvent_CarriesPersonalText()
    {
        var text = _contracts.GetExportedTypes().Where(IsMessageOrSnapshot)
            .SelectMany(type => Properties(type).Where(IsText).Select(p => $"{type.Name}.{p.Name}"))
            .Where(field => !_allowedText.Contains(field))
            .ToList();

        Assert.True(text.Count == 0, "Text fields not on the allow list (personal text never travels in events): " + string.Join(", ", text));
    }

    private static bool IsEvent(Type type) => type.GetProperty("OccurredAt") is not null && type.IsSealed;

    private static bool IsMessageOrSnapshot(Type type) => IsEvent(type) || type.Name.EndsWith("Snapshot", StringComparison.Ordinal);

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters()
            .Select(parameter => type.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)!);

    private static bool IsText(PropertyInfo property) =>
        property.PropertyType == typeof(string) || property.PropertyType == typeof(IReadOnlyList<string>);

    private static string TypeName(PropertyInfo property)
    {
        var nullable = new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var name = type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Short))}>"
            : Short(type);
        return nullable ? name + "?" : name;
    }

    private static string Short(Type type) => type switch
    {
        _ when type == typeof(string) => "string",
        _ when type == typeof(long) => "long",
        _ when type == typeof(int) => "int",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(decimal) => "decimal",
        _ => type.Name,
    };

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Names(IEnumerable<string> services) => services.Any() ? string.Join(", ", services) : "none yet";

    /// <summary>The page's <c>### Name</c> sections, each with its text up to the next heading.</summary>
    private static Dictionary<string, string> Sections(string markdown) =>
        Heading().Matches(markdown).ToDictionary(match => match.Groups["name"].Value, match => match.Groups["body"].Value);

    [GeneratedRegex(@"^### (?<name>\w+)[^\n]*\n(?<body>(?:(?!^#).*\n?)*)", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
