namespace ArticleGen.Parsing;

/// <summary>
/// Where an article file's body is read from when the build packs bodies into the assembly's resource
/// <c>ArticleGen.Bodies</c> (the package's targets run the task PackArticleBodies before the compiler): then it is not
/// compiled in as data, so the code the compiler reads does not grow with the bodies.
/// </summary>
internal static class BodyResource
{
    /// <summary>
    /// The body's name in the pack, when the build packs bodies: the file's path in the project, '/'-separated, as the
    /// build task names it; null when its body is compiled in.
    /// </summary>
    public static string? NameOf(string filePath, string projectDirectory, bool bodiesPacked) =>
        bodiesPacked
            // A path the compiler does not spell below the project directory (another casing on Windows) could be
            // named otherwise by MSBuild: its body is compiled in rather than looked up under a name that may not exist.
            && projectDirectory.Length > 0 && filePath.Replace('\\', '/').StartsWith(projectDirectory, System.StringComparison.Ordinal)
            ? ProjectOptions.RelativePathOf(projectDirectory, filePath)
            : null;
}
