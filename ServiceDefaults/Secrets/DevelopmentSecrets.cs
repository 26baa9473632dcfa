using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace MicroInternships.ServiceDefaults.Secrets;

/// <summary>
/// Every password and secret committed to this repository for local runs (the AppHost's parameters, the Development
/// settings) says <c>development-only</c>: in its text, or in its decoded bytes for a <c>whsec_</c> webhook secret,
/// whose text is base64. Outside Development a process refuses to start with any of them in its configuration,
/// naming the setting, never the value: a deployment that copied one would be open to anyone who read the repository.
/// </summary>
public static class DevelopmentSecrets
{
    public const string Marker = "development-only";
    private const string WebhookSecretPrefix = "whsec_";

    public static void RefuseOutsideDevelopment(IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            return;
        }

        var settings = builder.Configuration.AsEnumerable()
            .Where(setting => setting.Value is { } value && IsDevelopmentOnly(value))
            .Select(setting => setting.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (settings.Count > 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(", ", settings)}: a secret committed for development, refused outside Development; " +
                "give this deployment its own (docs/deployment.md, Secrets).");
        }
    }

    public static bool IsDevelopmentOnly(string value) =>
        value.Contains(Marker, StringComparison.OrdinalIgnoreCase) || DecodedWebhookSecret(value).Contains(Marker, StringComparison.OrdinalIgnoreCase);

    private static string DecodedWebhookSecret(string value)
    {
        var start = value.IndexOf(WebhookSecretPrefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var encoded = value[(start + WebhookSecretPrefix.Length)..];
        var bytes = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : "";
    }
}
