using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArticleGen;

/// <summary>
/// The MSBuild properties ArticleGen reads (made visible to the compiler by the SDK and build/ArticleGen.props).
/// </summary>
/// <param name="ProjectDirectory">The project directory, '/'-separated and '/'-terminated, or "" when unknown.</param>
/// <param name="AnalyzersAreOff">
/// Whether the build runs without analyzers (<c>RunAnalyzers</c> or <c>RunAnalyzersDuringBuild</c> false): then the
/// generator reports the errors itself, so bad metadata still fails the build.
/// </param>
internal sealed record ProjectOptions(string ProjectDirectory, bool AnalyzersAreOff)
{
    public static ProjectOptions From(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.ProjectDir", out var projectDir);
        if (string.IsNullOrWhiteSpace(projectDir))
        {
            options.TryGetValue("build_property.MSBuildProjectDirectory", out projectDir);
        }

        return new ProjectOptions(NormalizeDirectory(projectDir), IsFalse(options, "build_property.RunAnalyzers") || IsFalse(options, "build_property.RunAnalyzersDuringBuild"));
    }

    /// <summary>The file's path relative to the project directory, '/'-separated (unchanged if it lies elsewhere).</summary>
    public string RelativePathOf(string path)
    {
        var normalized = path.Replace('\\', '/');
        return ProjectDirectory.Length > 0 && normalized.StartsWith(ProjectDirectory, StringComparison.Ordinal)
            ? normalized.Substring(ProjectDirectory.Length)
            : normalized.TrimStart('/');
    }

    private static string NormalizeDirectory(string? directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            return "";
        }

        var normalized = directory!.Trim().Replace('\\', '/');
        return normalized.EndsWith("/", StringComparison.Ordinal) ? normalized : normalized + "/";
    }

    private static bool IsFalse(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
}
