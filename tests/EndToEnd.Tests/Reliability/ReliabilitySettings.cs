using System.Globalization;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// The sizes of the reliability runs: small enough for CI by default, raised by <c>scripts/reliability.sh</c>
/// through <c>RELIABILITY_*</c> variables for the long runs.
/// </summary>
public static class ReliabilitySettings
{
    public static int MalformedRequests => Read("RELIABILITY_MALFORMED_REQUESTS", 10_000);

    /// <summary>The generator's seed: random unless given, and always printed, so a failing run can be replayed.</summary>
    public static int Seed => Read("RELIABILITY_SEED", Random.Shared.Next());

    public static int RaceRuns => Read("RELIABILITY_RACE_RUNS", 3);

    public static int CrashCompletions => Read("RELIABILITY_CRASH_COMPLETIONS", 40);

    /// <summary>Rounds of kills; each round kills Placements, Payments and Listings once each, in a random order.</summary>
    public static int CrashRounds => Read("RELIABILITY_CRASH_ROUNDS", 1);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
