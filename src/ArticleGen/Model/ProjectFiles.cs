using System;
using System.Collections.Generic;
using ArticleGen.Common;

namespace ArticleGen.Model;

/// <summary>
/// The project's files, relative to the project directory and '/'-separated, as the package's targets list them
/// (<see cref="ProjectOptions.ProjectFilesList"/>): what a relative image or file link in a body must name (ART020).
/// Equal to another by its paths, so the catalog is rebuilt only when a file is added, removed or renamed.
/// </summary>
internal sealed class ProjectFiles : IEquatable<ProjectFiles>
{
    private readonly EquatableArray<string> _paths;
    private readonly HashSet<string> _files;
    private readonly HashSet<string> _directories;

    private ProjectFiles(EquatableArray<string> paths)
    {
        _paths = paths;
        _files = new HashSet<string>(paths, StringComparer.Ordinal);
        _directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                if (!_directories.Add(path.Substring(0, slash)))
                {
                    break; // its parents are in already
                }
            }
        }
    }

    public int Count => _paths.Count;

    /// <summary>The list's lines (relative to the project directory, or full paths, which are made relative to it).</summary>
    public static ProjectFiles Read(string text, string projectDirectory)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var path = line.Trim();
            if (path.Length > 0)
            {
                paths.Add(ProjectOptions.RelativePathOf(projectDirectory, path));
            }
        }

        return new ProjectFiles(paths.ToEquatableArray());
    }

    /// <summary>The list the build handed over among <paramref name="additionalFiles"/>, or null when it gave none.</summary>
    public static ProjectFiles? From(IEnumerable<Microsoft.CodeAnalysis.AdditionalText> additionalFiles, ProjectOptions options, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var file in additionalFiles)
        {
            if (options.IsProjectFilesList(file.Path))
            {
                return file.GetText(cancellationToken) is { } text ? Read(text.ToString(), options.ProjectDirectory) : null;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="path"/> (relative, '/'-separated) is a file of the project, or a folder that holds one.</summary>
    public bool Contains(string path) => _files.Contains(path) || _directories.Contains(path.TrimEnd('/')) || path.Length == 0;

    public bool Equals(ProjectFiles? other) => other is not null && _paths.Equals(other._paths);

    public override bool Equals(object? obj) => Equals(obj as ProjectFiles);

    public override int GetHashCode() => _paths.GetHashCode();
}
