using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace MicroInternships.Testing;

public static class HttpResponseAssertions
{
    /// <summary>Asserts the status (showing the body when it differs) and returns the JSON body.</summary>
    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            DotNetNames.AssertNoneIn(body);
        }

        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Sends with <paramref name="call"/>, then as <see cref="ReadAsync(HttpResponseMessage, HttpStatusCode)"/>, disposing the answer.</summary>
    public static async Task<JsonElement> ReadAsync(this Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        using var response = await call;
        return await response.ReadAsync(expected);
    }

    /// <summary>Asserts a problem-details refusal with its status and stable code.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string code)
    {
        var problem = await response.ReadAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    /// <summary>Sends with <paramref name="call"/>, then as <see cref="ProblemAsync(HttpResponseMessage, HttpStatusCode, string)"/>, disposing the answer.</summary>
    public static async Task<JsonElement> ProblemAsync(this Task<HttpResponseMessage> call, HttpStatusCode expected, string code)
    {
        using var response = await call;
        return await response.ProblemAsync(expected, code);
    }

    /// <summary>Sends with <paramref name="call"/>, then as <see cref="ValidationAsync(HttpResponseMessage, string[])"/>, disposing the answer.</summary>
    public static async Task ValidationAsync(this Task<HttpResponseMessage> call, params string[] fields)
    {
        using var response = await call;
        await response.ValidationAsync(fields);
    }

    /// <summary>Asserts a 400 whose <c>errors</c> map names each of <paramref name="fields"/>.</summary>
    public static async Task ValidationAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for '{field}' in {errors}");
        }
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string uri, object? body = null) =>
        body is null ? client.PostAsync(uri, null) : client.PostAsJsonAsync(uri, body);

    /// <summary>A PUT carrying <c>If-Match</c> as given, unvalidated, so tests can send malformed ones too.</summary>
    public static async Task<HttpResponseMessage> PutIfMatchAsync(this HttpClient client, string uri, object body, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }
}
