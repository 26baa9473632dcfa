using System.Net.Http.Json;
using System.Text.Json;

namespace MicroInternships.Notifications.Tests;

/// <summary>What a caller's notifications API answers, as JSON.</summary>
internal static class Reading
{
    public static async Task<List<JsonElement>> ItemsAsync(this HttpClient client, string path = "/api/notifications")
    {
        var page = await client.GetFromJsonAsync<JsonElement>(path);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    public static async Task<List<string>> CategoriesAsync(this HttpClient client) =>
        [.. (await client.ItemsAsync()).Select(n => n.GetProperty("category").GetString()!)];

    public static async Task<int> UnreadAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/notifications/summary")).GetProperty("unread").GetInt32();
}
