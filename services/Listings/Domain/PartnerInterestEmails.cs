using MicroInternships.Contracts.Listings;

namespace MicroInternships.Listings.Domain;

/// <summary>What Listings writes to a partner-interest contact, who is no user yet: Notifications sends it.</summary>
public static class PartnerInterestEmails
{
    public static ContactEmailRequested Confirmation(PartnerInterest interest, string token) => new(
        Guid.CreateVersion7(), interest.ContactEmail!,
        "Confirm your request to join Micro-Internships",
        $"""
        Hello {interest.ContactName},

        Thank you for asking for {interest.OrganizationName} to join the Micro-Internships program. Please confirm this
        is your email address: a coordinator sees your request once you do. The link works until {interest.ConfirmBy:MMMM d, yyyy HH:mm} UTC.

        If you did not ask, ignore this email: the request is deleted when the link expires.
        """,
        $"/partners/confirm?token={token}", "Confirm your email");

    public static ContactEmailRequested Invitation(PartnerInterest interest, string invitationToken, TimeSpan lifetime) => new(
        Guid.CreateVersion7(), interest.ContactEmail!,
        $"{interest.OrganizationName} is now a partner of Micro-Internships",
        $"""
        Hello {interest.ContactName},

        A coordinator approved your request: {interest.OrganizationName} is now a partner of the program. Accept the
        invitation below, signed in with this email address, to post projects for students. It works once, within
        {lifetime.TotalDays:0} days.
        """,
        $"/invitations/accept?token={invitationToken}", "Accept the invitation");

    public static ContactEmailRequested Declined(PartnerInterest interest) => new(
        Guid.CreateVersion7(), interest.ContactEmail!,
        $"Your request for {interest.OrganizationName} to join Micro-Internships",
        $"""
        Hello {interest.ContactName},

        Thank you for your interest in the Micro-Internships program. A coordinator reviewed your request for
        {interest.OrganizationName} and cannot take it further for now.
        {(interest.DeclineNote is { } note ? $"\nTheir note: {note}\n" : "")}
        """,
        "/", "About the program");
}
