using System.Globalization;

namespace MicroInternships.Web.Credentials;

/// <summary>LinkedIn's "add a license or certification" form, filled in from a credential.</summary>
public static class LinkedInCertification
{
    public static string AddLink(string name, string issuer, DateTimeOffset issuedAt, string credentialId, string credentialUrl)
    {
        var fields = new Dictionary<string, string>
        {
            ["startTask"] = "CERTIFICATION_NAME",
            ["name"] = name,
            ["organizationName"] = issuer,
            ["issueYear"] = issuedAt.Year.ToString(CultureInfo.InvariantCulture),
            ["issueMonth"] = issuedAt.Month.ToString(CultureInfo.InvariantCulture),
            ["certId"] = credentialId,
            ["certUrl"] = credentialUrl,
        };
        return "https://www.linkedin.com/profile/add?" + string.Join("&", fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
    }
}
