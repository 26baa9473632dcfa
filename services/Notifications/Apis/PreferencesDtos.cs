using MicroInternships.Notifications.Email;

namespace MicroInternships.Notifications.Apis;

/// <summary>
/// The caller's email choices: the address the program knows from their latest sign-in (null: in-app only) and, for
/// every category, whether it comes by email and how (<c>immediate</c> or in the <c>daily</c> digest).
/// </summary>
public sealed record NotificationPreferencesDto(string? EmailAddress, IReadOnlyList<CategoryPreferenceDto> Categories);

public sealed record CategoryPreferenceDto(string Category, bool Email, EmailDelivery Delivery);

/// <summary>The categories to change; the others keep their choice.</summary>
public sealed record NotificationPreferencesRequest(IReadOnlyList<CategoryPreferenceRequest>? Categories);

/// <summary>One category's choice; <c>delivery</c> left out keeps the category's current one.</summary>
public sealed record CategoryPreferenceRequest(string? Category, bool? Email, EmailDelivery? Delivery);

/// <summary>What an unsubscribe link turned off.</summary>
public sealed record UnsubscribedDto(IReadOnlyList<string> Categories);
