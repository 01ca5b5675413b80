namespace ArticleGen.Parsing;

/// <summary>
/// An article file whose body the build packs into the assembly's resource <c>ArticleGen.Bodies</c> (the package's
/// targets run the task PackArticleBodies before the compiler). Its body is read from there on first use instead of
/// being compiled in as data, so the code the compiler reads does not grow with the bodies.
/// </summary>
/// <param name="FilePath">The path the compiler knows the file by.</param>
/// <param name="Name">The body's name in the pack.</param>
internal sealed record BodyResource(string FilePath, string Name)
{
    /// <summary>
    /// The packed body of a file, when the build packs bodies: named by the file's path in the project, '/'-separated,
    /// as the build task names it.
    /// </summary>
    public static BodyResource? Of(string filePath, string projectDirectory, bool bodiesPacked) =>
        bodiesPacked
            // A path the compiler does not spell below the project directory (another casing on Windows) could be
            // named otherwise by MSBuild: its body is compiled in rather than looked up under a name that may not exist.
            && projectDirectory.Length > 0 && filePath.Replace('\\', '/').StartsWith(projectDirectory, System.StringComparison.Ordinal)
            ? new BodyResource(filePath, ProjectOptions.RelativePathOf(projectDirectory, filePath))
            : null;
}
