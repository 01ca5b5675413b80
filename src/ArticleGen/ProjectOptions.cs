using System;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArticleGen;

/// <summary>
/// The MSBuild properties ArticleGen reads (made visible to the compiler by the SDK and build/ArticleGen.props).
/// </summary>
/// <param name="ProjectDirectory">The project directory, '/'-separated and '/'-terminated, or "" when unknown.</param>
/// <param name="AnalyzersAreOff">
/// Whether the compilation runs without ArticleGen's analyzer: the build has <c>RunAnalyzers</c> or
/// <c>RunAnalyzersDuringBuild</c> false, or it is the compilation dotnet watch keeps for hot reload
/// (<see cref="IsHotReloadCompilation"/>), in which no analyzer runs. The generator then reports the errors itself, so bad metadata
/// still fails the build, and under dotnet watch an article with an error stops the update (the running app keeps
/// what it had) and the error is printed.
/// </param>
/// <param name="IsHotReloadCompilation">
/// Whether this is the compilation dotnet watch keeps for hot reload (<see cref="HotReloadCompilationKey"/>): an article with an error
/// must then stop the update, not take the article out of the running app (<see cref="Emit.HotReloadStop"/>).
/// </param>
/// <param name="PolyfillsNotNullWhen">Whether PolySharp will add <c>NotNullWhenAttribute</c> to the compilation.</param>
/// <param name="PolyfillsIsExternalInit">Whether PolySharp will add <c>IsExternalInit</c> (which <c>init</c> accessors need).</param>
/// <param name="StringDataBudget">
/// Bytes of catalog data that may go in string literals (<c>ArticleGenStringDataBudget</c>): they compile fastest but
/// share the assembly's 16 MB user-string heap with the project's own strings; the rest goes in <c>u8</c> literals.
/// </param>
/// <param name="ProjectFilesList">
/// The additional file that lists the project's files, one a line as MSBuild spells them, relative to the project directory or full (<c>ArticleGenProjectFiles</c>, written by the
/// package's targets): what relative links in rendered bodies must name (ART020). Null when the build gives none.
/// </param>
/// <param name="BodiesPacked">
/// Whether the package's targets pack the bodies of the project's Markdown files into the resource <c>ArticleGen.Bodies</c>
/// (<c>ArticleGenBodiesPacked</c>, true unless <c>ArticleGenEmbedBodies</c> is false): then bodies are read from there.
/// </param>
internal sealed record ProjectOptions(
    string ProjectDirectory,
    bool AnalyzersAreOff,
    bool PolyfillsNotNullWhen = false,
    bool PolyfillsIsExternalInit = false,
    int StringDataBudget = ProjectOptions.DefaultStringDataBudget,
    string? InvalidStringDataBudget = null,
    bool BodiesPacked = false,
    bool IsHotReloadCompilation = false,
    string? ProjectFilesList = null)
{
    /// <summary>12 MiB of the 16 MB heap; a project with more than 4 MB of its own strings lowers it.</summary>
    public const int DefaultStringDataBudget = 12 << 20;

    /// <summary>
    /// Set by build/ArticleGen.HotReload.globalconfig, which the targets hand to the compiler only when dotnet watch loads
    /// the project for hot reload (<c>DotNetWatchBuild</c>).
    /// </summary>
    public const string HotReloadCompilationKey = "articlegen_hot_reload_compilation";

    public const string NotNullWhenAttribute = "System.Diagnostics.CodeAnalysis.NotNullWhenAttribute";
    public const string IsExternalInit = "System.Runtime.CompilerServices.IsExternalInit";

    public static ProjectOptions From(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.ProjectDir", out var projectDir);
        if (string.IsNullOrWhiteSpace(projectDir))
        {
            options.TryGetValue("build_property.MSBuildProjectDirectory", out projectDir);
        }

        return new ProjectOptions(
            NormalizeDirectory(projectDir),
            IsFalse(options, "build_property.RunAnalyzers") || IsFalse(options, "build_property.RunAnalyzersDuringBuild") || IsTrue(options, HotReloadCompilationKey),
            PolySharpGenerates(options, NotNullWhenAttribute),
            PolySharpGenerates(options, IsExternalInit),
            ReadBudget(options, out var invalid),
            invalid,
            IsTrue(options, "build_property.ArticleGenBodiesPacked"),
            IsTrue(options, HotReloadCompilationKey),
            options.TryGetValue("build_property.ArticleGenProjectFiles", out var projectFiles) && projectFiles.Trim().Length > 0
                ? projectFiles.Trim().Replace('\\', '/')
                : null);
    }

    /// <summary>A byte count; an unset or empty property is the default, anything else that is not a count is reported (ART017).</summary>
    private static int ReadBudget(AnalyzerConfigOptions options, out string? invalid)
    {
        invalid = null;
        if (!options.TryGetValue("build_property.ArticleGenStringDataBudget", out var value) || value.Trim().Length == 0)
        {
            return DefaultStringDataBudget;
        }

        if (int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes))
        {
            return bytes;
        }

        invalid = value;
        return DefaultStringDataBudget;
    }

    /// <summary>
    /// Whether PolySharp, a source generator, will add <paramref name="typeName"/>. Generators do not see each other's
    /// output, so the type is not in the compilation ArticleGen reads; PolySharp's MSBuild properties (visible to
    /// every generator once the package is referenced) say whether it is coming.
    /// </summary>
    private static bool PolySharpGenerates(AnalyzerConfigOptions options, string typeName)
    {
        if (!options.TryGetValue("build_property.PolySharpIncludeGeneratedTypes", out var include))
        {
            return false; // PolySharp is not referenced
        }

        options.TryGetValue("build_property.PolySharpExcludeGeneratedTypes", out var exclude);
        static bool Lists(string? list, string name) =>
            list is not null && list.Split([';', ','], StringSplitOptions.RemoveEmptyEntries).Any(item => item.Trim() == name);

        return include.Trim().Length > 0 ? Lists(include, typeName) : !Lists(exclude, typeName);
    }

    /// <summary>Whether <paramref name="path"/> is the list of the project's files (<see cref="ProjectFilesList"/>).</summary>
    public bool IsProjectFilesList(string path) =>
        ProjectFilesList is not null && string.Equals(path.Replace('\\', '/'), ProjectFilesList, StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's path relative to the project directory, '/'-separated (unchanged if it lies elsewhere).</summary>
    public string RelativePathOf(string path) => RelativePathOf(ProjectDirectory, path);

    /// <inheritdoc cref="RelativePathOf(string)"/>
    public static string RelativePathOf(string projectDirectory, string path)
    {
        var normalized = path.Replace('\\', '/');
        return projectDirectory.Length > 0 && normalized.StartsWith(projectDirectory, StringComparison.Ordinal)
            ? normalized.Substring(projectDirectory.Length)
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

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
