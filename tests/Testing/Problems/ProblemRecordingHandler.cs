namespace MicroInternships.Testing;

/// <summary>Records each answer of 400 or above a client receives, with the code of its problem details (end-to-end suites).</summary>
public sealed class ProblemRecordingHandler(ObservedProblems observed) : DelegatingHandler(new HttpClientHandler())
{
    /// <summary>
    /// Kestrel refuses a request it cannot parse (a NUL in the decoded path) with a bare 400 and closes the connection,
    /// before any middleware could shape the answer: the one refusal not in problem details, which no document declares.
    /// </summary>
    public static bool IsRefusedByTheServerBeforeAnyApplicationCode(HttpResponseMessage response, int bodyLength) =>
        response.StatusCode == System.Net.HttpStatusCode.BadRequest && bodyLength == 0 && response.Headers.ConnectionClose == true;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode < 400)
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!IsRefusedByTheServerBeforeAnyApplicationCode(response, body.Length))
        {
            observed.Record(new ObservedProblem(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode,
                ObservedProblem.CodeIn(response.Content.Headers.ContentType?.MediaType, body)));
        }

        return response;
    }
}
