namespace MicroInternships.Credentials;

/// <summary>The media types of secured credentials (W3C VC-JOSE-COSE).</summary>
public static class CredentialMedia
{
    public const string Jwt = "application/vc+jwt";

    public const string JwtType = "vc+jwt";
}
