using System.Diagnostics;
using System.Globalization;

namespace MicroInternships.Messaging.Bench;

/// <summary>
/// CPU time used so far by this process, by PostgreSQL's processes and by the RabbitMQ node, so that a path's cost
/// per message can be split between the three. PostgreSQL and RabbitMQ are read from <c>/proc</c> (Linux only;
/// elsewhere they read zero), by process name: the benchmark's servers are the only ones on the machine.
/// </summary>
internal sealed record CpuTime(TimeSpan Bench, TimeSpan Postgres, TimeSpan RabbitMq)
{
    /// <summary>The kernel's clock ticks per second in <c>/proc/*/stat</c>: 100 on every Linux this runs on.</summary>
    private const double TicksPerSecond = 100;

    public static CpuTime Now()
    {
        using var self = Process.GetCurrentProcess();
        var (postgres, rabbitMq) = OperatingSystem.IsLinux() ? ServersTime() : (TimeSpan.Zero, TimeSpan.Zero);
        return new CpuTime(self.TotalProcessorTime, postgres, rabbitMq);
    }

    public static CpuTime operator -(CpuTime after, CpuTime before) =>
        new(after.Bench - before.Bench, after.Postgres - before.Postgres, after.RabbitMq - before.RabbitMq);

    /// <summary>Microseconds per message of each part.</summary>
    public CpuPerMessage PerMessage(int messages) =>
        new(Bench.TotalMicroseconds / messages, Postgres.TotalMicroseconds / messages, RabbitMq.TotalMicroseconds / messages);

    private static (TimeSpan Postgres, TimeSpan RabbitMq) ServersTime()
    {
        double postgres = 0, rabbitMq = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!char.IsAsciiDigit(Path.GetFileName(directory)[0]) || ReadStat(directory) is not { } stat)
            {
                continue;
            }

            // comm is in parentheses and may hold spaces; utime and stime are the 12th and 13th fields after it.
            var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            if (name == "postgres")
            {
                postgres += ticks;
            }
            else if (name == "beam.smp")
            {
                rabbitMq += ticks;
            }
        }

        return (TimeSpan.FromSeconds(postgres / TicksPerSecond), TimeSpan.FromSeconds(rabbitMq / TicksPerSecond));
    }

    private static string? ReadStat(string directory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(directory, "stat"));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>CPU microseconds per message spent by the benchmark process (publisher, relay, consumer), PostgreSQL and RabbitMQ.</summary>
public sealed record CpuPerMessage(double Bench, double Postgres, double RabbitMq)
{
    public double Total => Bench + Postgres + RabbitMq;
}
