using System.Net.Http.Json;
using System.Text.Json;

namespace MicroInternships.Testing;

/// <summary>One email as smtp4dev received it: its envelope, its headers and both bodies.</summary>
public sealed record ReceivedEmail(string Id, string From, IReadOnlyList<string> To, string Subject, IReadOnlyDictionary<string, string> Headers, string Text, string Html)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>
/// The inbox of a real SMTP server, smtp4dev (<c>scripts/serve-smtp4dev.sh</c>), read through its HTTP API: what the
/// services sent, to whom. Tests give each person an address of their own, so they read only their mail.
/// </summary>
public sealed class Smtp4devInbox(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Every email received for <paramref name="address"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> ToAsync(string address)
    {
        var list = await _http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=5000");
        var ids = list.GetProperty("results").EnumerateArray()
            .Where(m => m.GetProperty("to").EnumerateArray().Any(to => string.Equals(to.GetString(), address, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => m.GetProperty("receivedDate").GetDateTimeOffset())
            .Select(m => m.GetProperty("id").GetString()!)
            .ToList();
        var emails = new List<ReceivedEmail>();
        foreach (var id in ids)
        {
            emails.Add(await ReadAsync(id));
        }

        return emails;
    }

    /// <summary>Waits until <paramref name="address"/> has at least <paramref name="count"/> emails, and returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> EventuallyToAsync(string address, int count, TimeSpan? timeout = null)
    {
        IReadOnlyList<ReceivedEmail> received = [];
        await Eventually.HoldsAsync(
            async () => (received = await ToAsync(address)).Count >= count,
            $"{address} has {count} email(s)",
            timeout ?? TimeSpan.FromSeconds(30),
            () => Task.FromResult($"{received.Count}: {string.Join(" | ", received.Select(e => e.Subject))}"));
        return received;
    }

    private async Task<ReceivedEmail> ReadAsync(string id)
    {
        var message = await _http.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
        var headers = message.GetProperty("headers").EnumerateArray()
            .GroupBy(h => h.GetProperty("name").GetString()!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("value").GetString()!, StringComparer.OrdinalIgnoreCase);
        return new ReceivedEmail(
            id,
            message.GetProperty("from").GetString()!,
            [.. message.GetProperty("to").EnumerateArray().Select(to => to.GetString()!)],
            message.GetProperty("subject").GetString()!,
            headers,
            await _http.GetStringAsync($"/api/messages/{id}/plaintext"),
            await _http.GetStringAsync($"/api/messages/{id}/html"));
    }

    public void Dispose() => _http.Dispose();
}
