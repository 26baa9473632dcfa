using System.Diagnostics;

namespace MicroInternships.AppHost.Infrastructure;

internal static class ContainerRuntime
{
    /// <summary>
    /// True when <c>docker info</c> answers. A docker CLI without a running engine would leave Aspire's
    /// containers unhealthy forever, so the CLI being installed is not enough.
    /// </summary>
    public static bool IsAvailable()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("docker", "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
