using System.Text;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// One generated request. <see cref="MustBeRefused"/> when it is broken beyond any reading (bad JSON, wrong types,
/// a bad id): then only a 4xx will do. Otherwise it is hostile but may be valid (an injection string is a fine
/// title), and anything but a 5xx will do. Every 4xx must be problem details.
/// </summary>
public sealed record MalformedRequest(string Target, string Mutation, bool MustBeRefused, Caller Caller, HttpMethod Method, string Path, byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToHttpRequest()
    {
        var request = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);

            // As a careful client does with a large body: the gateway may refuse it on its length before it is sent.
            request.Headers.ExpectContinue = Body.Length > 64 * 1024;
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return request;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body);
        return $"{Target} / {Mutation}: {Method} {Shorten(Path)} as {Caller.Role} [{ContentType}] {Shorten(body)}";
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : $"{text[..300]}... ({text.Length:N0} chars)";
}
