using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace MicroInternships.Listings.Bench;

/// <summary>
/// Writes a synthetic catalog with binary COPY. One word in ten is topical (drawn with a mild skew, so the
/// commonest appear in about a fifth of the listings and the rarest in a few percent), the rest come from a
/// large pool of filler words, as the bulk of a real description is. Seeded, so every run writes the same catalog.
/// </summary>
internal static class CatalogSeeder
{
    public static readonly string[] Skills =
    [
        "Excel", "SQL", "Python", "data visualization", "survey design", "copywriting", "social media", "user research", "Figma",
        "project management", "forecasting", "accounting", "public speaking", "grant writing", "Tableau", "R", "customer interviews",
        "process improvement", "content strategy", "SEO", "bookkeeping", "market research", "JavaScript", "event planning", "CRM",
        "financial modeling", "technical writing", "photography", "video editing", "GIS",
    ];

    public static readonly string[] Disciplines =
    [
        "Business Analytics", "Marketing", "Finance", "Health Administration", "Design", "Computer Science", "Communications",
        "Accounting", "Public Policy", "Environmental Science",
    ];

    private static readonly string[] Words =
    [
        "data", "analysis", "report", "customer", "research", "marketing", "plan", "survey", "dashboard", "process", "campaign", "design",
        "content", "community", "finance", "model", "budget", "strategy", "outreach", "health", "clinic", "patient", "student", "program",
        "website", "social", "media", "brand", "audit", "inventory", "sales", "retail", "nonprofit", "volunteer", "grant", "policy",
        "energy", "sustainability", "water", "transport", "logistics", "supply", "chain", "pricing", "forecast", "interview", "prototype",
        "workflow", "automation", "spreadsheet", "database", "map", "geographic", "video", "podcast", "newsletter", "event", "fundraising",
        "accessibility", "onboarding", "training", "manual", "documentation", "benchmark", "competitor", "segment", "persona", "journey",
        "pilot", "evaluation", "metrics", "kpi", "quality", "compliance", "risk", "insurance", "payroll", "tax", "invoice", "procurement",
        "vendor", "contract", "legal", "housing", "food", "agriculture", "tourism", "museum", "library", "school", "tutoring", "recruitment",
        "hiring", "culture", "wellness", "safety", "security", "privacy", "cloud", "migration", "testing", "mobile", "app", "chatbot",
    ];

    /// <summary>The share of listings whose text contains <paramref name="word"/>: how much a query on it has to rank.</summary>
    public static async Task<double> ShareContainingAsync(string connectionString, string word)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT avg((search_vector @@ plainto_tsquery('english', @word))::int)::float8 FROM listings", connection);
        command.Parameters.AddWithValue("word", word);
        return (double)(await command.ExecuteScalarAsync())!;
    }

    public static async Task SeedAsync(string connectionString, int listings, int seed = 42)
    {
        var random = new Random(seed);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        var organizations = Enumerable.Range(0, 50).Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY organizations (id, name, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < organizations.Length; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(organizations[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync($"Bench organization {i}", NpgsqlDbType.Varchar);
                await copy.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        const string columns = "id, organization_id, title, summary, description, skills, skill_keys, search_skills, discipline, discipline_key, " +
            "estimated_hours, amount_cents, currency, openings, filled_count, application_deadline, work_mode, status, version, created_at, published_at";
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY listings ({columns}) FROM STDIN (FORMAT BINARY)"))
        {
            var start = DateTimeOffset.UtcNow.AddDays(-60);
            for (var i = 0; i < listings; i++)
            {
                var skills = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => Skewed(random, Skills)).Distinct().ToArray();
                var discipline = Skewed(random, Disciplines);
                var hours = 20 + random.Next(21);
                var createdAt = start.AddSeconds(i * 50);
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(createdAt), NpgsqlDbType.Uuid);
                await copy.WriteAsync(organizations[random.Next(organizations.Length)], NpgsqlDbType.Uuid);
                await copy.WriteAsync(Text(random, 4, 9, 120), NpgsqlDbType.Varchar);
                await copy.WriteAsync(Text(random, 10, 25, 280), NpgsqlDbType.Varchar);
                await copy.WriteAsync(Text(random, 40, 120, 10_000), NpgsqlDbType.Varchar);
                await copy.WriteAsync(skills, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(skills.Select(s => s.ToLowerInvariant()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(string.Join(", ", skills), NpgsqlDbType.Text);
                await copy.WriteAsync(discipline, NpgsqlDbType.Varchar);
                await copy.WriteAsync(discipline.ToLowerInvariant(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(hours, NpgsqlDbType.Integer);
                await copy.WriteAsync(hours * 2000L, NpgsqlDbType.Bigint);
                await copy.WriteAsync("USD", NpgsqlDbType.Varchar);
                await copy.WriteAsync(1 + random.Next(3), NpgsqlDbType.Integer);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(DateTimeOffset.UtcNow.AddDays(10 + random.Next(60)), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(random.Next(3) switch { 0 => "remote", 1 => "onsite", _ => "hybrid" }, NpgsqlDbType.Varchar);
                await copy.WriteAsync(random.Next(10) < 8 ? "open" : "closed", NpgsqlDbType.Varchar);
                await copy.WriteAsync(2L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(createdAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(createdAt, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        foreach (var table in new[] { "organizations", "listings" })
        {
            await using var analyze = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection);
            await analyze.ExecuteNonQueryAsync();
        }
    }

    private const int FillerWords = 20_000;

    private static string Text(Random random, int minWords, int maxWords, int maxLength)
    {
        var text = string.Join(' ', Enumerable.Range(0, random.Next(minWords, maxWords + 1)).Select(_ => random.Next(10) == 0 ? Skewed(random, Words) : Filler(random)));
        return text.Length <= maxLength ? text : text[..text.LastIndexOf(' ', maxLength)];
    }

    private static string Filler(Random random) => "filler" + random.Next(FillerWords).ToString(CultureInfo.InvariantCulture);

    /// <summary>Earlier entries are drawn more often than later ones.</summary>
    private static string Skewed(Random random, string[] values) => values[(int)(values.Length * Math.Pow(random.NextDouble(), 1.3))];
}
