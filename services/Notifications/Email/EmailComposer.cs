using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using MicroInternships.Contracts.Listings;
using MicroInternships.Notifications.Domain;
using Microsoft.Extensions.Options;

namespace MicroInternships.Notifications.Email;

/// <summary>An email's words: subject, plain text, HTML, and the one-click unsubscribe address for its header.</summary>
public sealed record ComposedEmail(string Subject, string Text, string Html, string UnsubscribeUrl);

/// <summary>
/// Writes the program's emails from notifications: the same words as in the app, a link to the website's page (never
/// an API path), and at the foot why it came, the preferences page and the category's unsubscribe link.
/// </summary>
public sealed class EmailComposer(IOptions<EmailOptions> options, UnsubscribeLinks links)
{
    public const string PreferencesPath = "/notifications/preferences";
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public ComposedEmail Notification(Notification notification, string recipientSubject)
    {
        var token = links.TokenFor(recipientSubject, notification.Category);
        var page = PageUrl(notification.Link);
        var text = new StringBuilder()
            .AppendLine(notification.Title).AppendLine()
            .AppendLine(notification.Body).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Open it: {page}");
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:20px\">{Html.Encode(notification.Title)}</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>{Html.Encode(notification.Body)}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Html.Encode(page)}\">Open it on the website</a></p>");
        var why = $"You get this email because your emails for \"{LabelOf(notification.Category)}\" are on.";
        return Finish(notification.Title, text, html, why, token);
    }

    public ComposedEmail Digest(IReadOnlyList<Notification> notifications, DateOnly day, string recipientSubject)
    {
        var token = links.TokenFor(recipientSubject, UnsubscribeLinks.DailyDigest);
        var subject = notifications.Count == 1
            ? $"Your daily summary: {notifications[0].Title}"
            : $"Your daily summary: {notifications.Count} updates";
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"What happened for you by {day.ToString("dddd, MMMM d", English)}:").AppendLine();
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:20px\">Your daily summary, {Html.Encode(day.ToString("dddd, MMMM d", English))}</h1><ul>");
        foreach (var notification in notifications)
        {
            var page = PageUrl(notification.Link);
            text.AppendLine(CultureInfo.InvariantCulture, $"- {notification.Title}")
                .AppendLine(CultureInfo.InvariantCulture, $"  {notification.Body}")
                .AppendLine(CultureInfo.InvariantCulture, $"  {page}");
            html.Append(CultureInfo.InvariantCulture,
                $"<li><a href=\"{Html.Encode(page)}\"><strong>{Html.Encode(notification.Title)}</strong></a><br>{Html.Encode(notification.Body)}</li>");
        }

        html.Append("</ul>");
        const string why = "You get this summary because some of your emails are set to come once a day.";
        return Finish(subject, text, html, why, token);
    }

    /// <summary>
    /// An email Listings wrote to someone who is no user yet (a partner-interest contact): its words and its one link,
    /// with no preferences nor unsubscribe link, as they have neither; the foot says why it came.
    /// </summary>
    public ComposedEmail ToContact(ContactEmailRequested request)
    {
        const string why = "You get this email because this address was given on the Micro-Internships program's website.";
        var link = PageUrl(request.LinkPath);
        var words = request.Text.Trim();
        var text = new StringBuilder()
            .AppendLine(words).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{request.LinkText}: {link}").AppendLine()
            .AppendLine("--").AppendLine(why);
        var paragraphs = string.Concat(words.Split("\n\n").Select(paragraph => $"<p>{Html.Encode(paragraph.Trim())}</p>"));
        var html = $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{Html.Encode(request.Subject)}</title></head><body style="font-family:sans-serif;max-width:600px">
            {paragraphs}<p><a href="{Html.Encode(link)}">{Html.Encode(request.LinkText)}</a></p>
            <hr><p style="color:#555;font-size:13px">{Html.Encode(why)}</p></body></html>
            """;
        return new ComposedEmail(request.Subject, text.ToString(), html, UnsubscribeUrl: "");
    }

    /// <summary>A readable name for a category: <c>offer_received</c> is "Offer received".</summary>
    public static string LabelOf(string category) =>
        category.Length == 0 ? category : char.ToUpperInvariant(category[0]) + category[1..].Replace('_', ' ');

    private ComposedEmail Finish(string subject, StringBuilder text, StringBuilder html, string why, string token)
    {
        var preferences = PageUrl(PreferencesPath);
        var unsubscribe = links.PageUrl(token);
        text.AppendLine().AppendLine("--")
            .AppendLine(why)
            .AppendLine(CultureInfo.InvariantCulture, $"Manage your email preferences: {preferences}")
            .AppendLine(CultureInfo.InvariantCulture, $"Unsubscribe from these emails: {unsubscribe}");
        html.Append(CultureInfo.InvariantCulture, $"""
            <hr><p style="color:#555;font-size:13px">{Html.Encode(why)}<br>
            <a href="{Html.Encode(preferences)}">Manage your email preferences</a> &middot; <a href="{Html.Encode(unsubscribe)}">Unsubscribe from these emails</a></p>
            """);
        var document = $"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{Html.Encode(subject)}</title></head><body style="font-family:sans-serif;max-width:600px">{html}</body></html>""";
        return new ComposedEmail(subject, text.ToString(), document, links.OneClickUrl(token));
    }

    private string PageUrl(string path) => new Uri(options.Value.WebsiteUrl!, path).ToString();
}
