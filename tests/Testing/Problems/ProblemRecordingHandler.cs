namespace MicroInternships.Testing;

/// <summary>Records each answer of 400 or above a client receives, with the code of its problem details (end-to-end suites).</summary>
public sealed class ProblemRecordingHandler(ObservedProblems observed) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode >= 400 && !RefusedByTheServerBeforeAnyApplicationCode(response))
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            observed.Record(new ObservedProblem(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode,
                ObservedProblem.CodeIn(response.Content.Headers.ContentType?.MediaType, body)));
        }

        return response;
    }

    /// <summary>Kestrel's bare 400 to a request it cannot parse (a NUL in the decoded path): no application code ran to describe it.</summary>
    private static bool RefusedByTheServerBeforeAnyApplicationCode(HttpResponseMessage response) =>
        response.StatusCode == System.Net.HttpStatusCode.BadRequest && response.Content.Headers.ContentLength == 0
        && response.Headers.ConnectionClose == true;
}
