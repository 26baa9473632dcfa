using System.Reflection;

namespace MicroInternships.AppHost;

/// <summary>
/// Aspire starts each project through <c>dotnet run --no-build</c>, which evaluates the project file again (about
/// 2 CPU-seconds each, on the start-up's critical path) and then stays alive beside the program (about 140 MB each)
/// for as long as it runs. Building the AppHost has built every project it starts, so in run mode each is started
/// from its build output instead; a project whose output is not where the AppHost's configuration puts it keeps
/// <c>dotnet run</c>.
/// </summary>
internal static class BuiltProjects
{
    public static IDistributedApplicationBuilder StartProjectsFromTheirBuildOutput(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        var configuration = builder.AppHostAssembly?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var targetFramework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var projectDirectory = Path.GetDirectoryName(project.GetProjectMetadata().ProjectPath)!;
            if (BuiltProgram(Path.Combine(projectDirectory, "bin", configuration, targetFramework)) is { } program)
            {
                project.Annotations.Add(new ExecutableAnnotation { Command = program, WorkingDirectory = projectDirectory });
            }
        }

        return builder;
    }

    /// <summary>The native launcher the SDK writes beside a program's assembly, named after its runtime configuration.</summary>
    private static string? BuiltProgram(string outputDirectory)
    {
        if (!Directory.Exists(outputDirectory)
            || Directory.GetFiles(outputDirectory, "*.runtimeconfig.json") is not [var runtimeConfig])
        {
            return null;
        }

        var program = runtimeConfig[..^".runtimeconfig.json".Length];
        return File.Exists(program) ? program : null;
    }
}
