namespace MicroInternships.Gateway.DevelopmentTokens;

public sealed record DevelopmentTokenRequest(string? Sub, string? Role, string? Name, string? Email, string? Org);

public sealed record DevelopmentTokenResponse(string AccessToken, int ExpiresIn);
