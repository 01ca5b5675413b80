using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ArticleGen.Build;

/// <summary>
/// Packs the bodies of the project's Markdown files into <see cref="OutputFile"/> (<see cref="BodyPack"/>), which the
/// package's targets hand to the compiler as the one resource <c>ArticleGen.Bodies</c>. A file below the project folder
/// is packed under its path there, '/'-separated, which is how the generator names its body; the
/// generator compiles in the bodies of files elsewhere, so they are left out. The pack is rewritten only when its
/// content changes.
/// </summary>
public sealed class PackArticleBodies : Task
{
    /// <summary>The compiler's additional files (the Markdown files among them are packed), by full path.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>The project folder (<c>$(MSBuildProjectDirectory)</c>).</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>Where the pack goes (under obj/).</summary>
    [Required]
    public string OutputFile { get; set; } = "";

    /// <summary>
    /// A file the targets rewrite when the task itself changes (another package version): newer than the pack, it
    /// means the pack was written by another task, so no body of it is kept.
    /// </summary>
    public string? PackerStamp { get; set; }

    public override bool Execute()
    {
        var directory = ProjectDirectory.Replace('\\', '/').TrimEnd('/') + "/";
        var files = Files
            .Select(f => f.ItemSpec)
            .Where(path => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && path.Replace('\\', '/').StartsWith(directory, StringComparison.Ordinal))
            .ToArray();
        if (files.Length == 0)
        {
            // No Markdown: no resource (the targets embed the pack only if it exists).
            File.Delete(OutputFile);
            return true;
        }

        // A file older than the last pack has its body there already: only edited files are read again.
        var packedAt = File.Exists(OutputFile) ? File.GetLastWriteTimeUtc(OutputFile) : DateTime.MinValue;
        var packedByThisTask = PackerStamp is null || !File.Exists(PackerStamp) || File.GetLastWriteTimeUtc(PackerStamp) < packedAt;
        var previous = packedByThisTask && File.Exists(OutputFile) ? File.ReadAllBytes(OutputFile) : [];
        var packed = BodyPack.Slices(previous);
        var bodies = new (string Name, ArraySegment<byte> Body)[files.Length];
        var unreadable = new string?[files.Length];
        var changed = new bool[files.Length];
        System.Threading.Tasks.Parallel.For(0, files.Length, i =>
        {
            var name = BodyPack.NameOf(files[i], directory);
            var wasPacked = packed.TryGetValue(BodyPack.HashOf(name), out var old);
            try
            {
                if (wasPacked && File.GetLastWriteTimeUtc(files[i]) < packedAt)
                {
                    bodies[i] = (name, old);
                }
                else
                {
                    bodies[i] = (name, BodyPack.BodyBytesOf(File.ReadAllBytes(files[i])));
                    changed[i] = !wasPacked || !SameBytes(old, bodies[i].Body);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable[i] = e.Message;
                bodies[i] = (name, new ArraySegment<byte>([]));
                changed[i] = true;
            }
        });

        for (var i = 0; i < files.Length; i++)
        {
            if (unreadable[i] is { } message)
            {
                // The compiler fails to read it too and says so; the pack goes on without its body.
                Log.LogWarning(null, "ARTB001", null, files[i], 0, 0, 0, 0, "ArticleGen could not read the article to pack its body: {0}", message);
            }
        }

        if (packed.Count == files.Length && !changed.Any(c => c))
        {
            // The same bodies (an edit to front matter only): the pack is marked as current, so that the files it
            // holds count as packed, and its bytes are left alone.
            File.SetLastWriteTimeUtc(OutputFile, DateTime.UtcNow);
            return true;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputFile))!);
            using var pack = new FileStream(OutputFile, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            BodyPack.Write(pack, bodies);
        }
        catch (InvalidOperationException e)
        {
            File.Delete(OutputFile);
            Log.LogError(null, "ARTB002", null, null, 0, 0, 0, 0, "{0} Set <ArticleGenEmbedBodies>false</ArticleGenEmbedBodies> to compile the bodies in instead.", e.Message);
            return false;
        }

        return true;
    }

    // A loop rather than Span: Visual Studio's .NET Framework MSBuild may not give a task System.Memory.
    private static bool SameBytes(ArraySegment<byte> left, ArraySegment<byte> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (left.Array![left.Offset + i] != right.Array![right.Offset + i])
            {
                return false;
            }
        }

        return true;
    }
}
