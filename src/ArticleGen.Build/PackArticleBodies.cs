using System;
using System.Collections.Generic;
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
    /// <summary>The compiler's additional files (the Markdown files among them are packed), relative to the project or full.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>The project folder, as the generator knows it (<c>$(ProjectDir)</c>).</summary>
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
            // By full path: the items are spelt as the project spells them (relative, mostly), as the compiler is handed them.
            .Select(f => f.GetMetadata("FullPath"))
            .Where(path => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && path.Replace('\\', '/').StartsWith(directory, StringComparison.Ordinal))
            .ToArray();
        var stateFile = OutputFile + ".files";
        if (files.Length == 0)
        {
            // No Markdown: no resource (the targets embed the pack only if it exists).
            File.Delete(OutputFile);
            File.Delete(stateFile);
            return true;
        }

        // A file whose size and time are what they were when it was last packed has its body there already: only
        // edited files are read again. Each file's own record decides, not the pack's time, so that a file renamed or
        // restored with its old time (mv, cp -p, an archive) is read again all the same.
        var packedAt = File.Exists(OutputFile) ? File.GetLastWriteTimeUtc(OutputFile) : DateTime.MinValue;
        var packedByThisTask = PackerStamp is null || !File.Exists(PackerStamp) || File.GetLastWriteTimeUtc(PackerStamp) < packedAt;
        var previous = packedByThisTask ? ReadOrEmpty(OutputFile) : [];
        var packed = BodyPack.Slices(previous);
        var states = packed.Count == 0 ? new Dictionary<ulong, FileState>() : FileState.Read(ReadOrEmpty(stateFile));
        var bodies = new (string Name, ArraySegment<byte>? Body)[files.Length];
        var newStates = new (ulong Hash, FileState State)[files.Length];
        var unreadable = new string?[files.Length];
        var changed = new bool[files.Length];
        System.Threading.Tasks.Parallel.For(0, files.Length, i =>
        {
            var name = BodyPack.NameOf(files[i], directory);
            var hash = BodyPack.HashOf(name);
            try
            {
                var info = new FileInfo(files[i]);
                var state = new FileState(info.Length, info.LastWriteTimeUtc.Ticks);
                newStates[i] = (hash, state);
                var wasPacked = packed.TryGetValue(hash, out var old);
                if (wasPacked && states.TryGetValue(hash, out var recorded) && recorded.Equals(state))
                {
                    bodies[i] = (name, old);
                }
                else
                {
                    bodies[i] = (name, BodyPack.BodyBytesOf(File.ReadAllBytes(files[i])));
                    changed[i] = bodies[i].Body is not { } body ? wasPacked : !wasPacked || !SameBytes(old, body);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                unreadable[i] = e.Message;
            }
        });

        if (unreadable.Any(message => message is not null))
        {
            for (var i = 0; i < files.Length; i++)
            {
                if (unreadable[i] is { } message)
                {
                    // An error, not an empty body kept for good: the next build reads every file again.
                    Log.LogError(null, "ARTB001", null, files[i], 0, 0, 0, 0, "ArticleGen could not read the article to pack its body ({0}); build again once it can be read.", message);
                }
            }

            TryDelete(OutputFile);
            TryDelete(stateFile);
            return false;
        }

        try
        {
            var packable = bodies.Where(b => b.Body is not null).Select(b => (b.Name, b.Body!.Value)).ToList();
            if (packed.Count != packable.Count || changed.Any(c => c))
            {
                // Written beside and moved into place: a build stopped halfway leaves the old pack or none, never a part.
                WriteAtomically(OutputFile, stream => BodyPack.Write(stream, packable));
            }
            else
            {
                // The same bodies (an edit to front matter only): the pack's bytes stay, and it is marked as current so
                // that MSBuild sees it up to date.
                File.SetLastWriteTimeUtc(OutputFile, DateTime.UtcNow);
            }

            WriteAtomically(stateFile, stream => FileState.Write(stream, newStates));
        }
        catch (InvalidOperationException e)
        {
            TryDelete(OutputFile);
            TryDelete(stateFile);
            Log.LogError(null, "ARTB002", null, null, 0, 0, 0, 0, "{0} Set <ArticleGenEmbedBodies>false</ArticleGenEmbedBodies> to compile the bodies in instead.", e.Message);
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(OutputFile);
            TryDelete(stateFile);
            Log.LogError(null, "ARTB003", null, OutputFile, 0, 0, 0, 0, "ArticleGen could not write the packed bodies ({0}); build again.", e.Message);
            return false;
        }

        return true;
    }

    private static byte[] ReadOrEmpty(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next build, which finds the files' records unmatched and reads them again.
        }
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            write(stream);
        }

        File.Delete(path);
        File.Move(temporary, path);
    }

    /// <summary>What a file was when it was packed: its size and time, recorded beside the pack (24 bytes each, with its name's hash).</summary>
    private readonly struct FileState(long length, long ticks) : IEquatable<FileState>
    {
        public long Length { get; } = length;

        public long Ticks { get; } = ticks;

        public bool Equals(FileState other) => Length == other.Length && Ticks == other.Ticks;

        public override bool Equals(object? obj) => obj is FileState other && Equals(other);

        public override int GetHashCode() => unchecked((int)(Length ^ Ticks));

        public static Dictionary<ulong, FileState> Read(byte[] bytes)
        {
            var states = new Dictionary<ulong, FileState>();
            for (var at = 0; at + 24 <= bytes.Length; at += 24)
            {
                states[BitConverter.ToUInt64(bytes, at)] = new FileState(BitConverter.ToInt64(bytes, at + 8), BitConverter.ToInt64(bytes, at + 16));
            }

            return states;
        }

        public static void Write(Stream stream, (ulong Hash, FileState State)[] states)
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            foreach (var (hash, state) in states)
            {
                writer.Write(hash);
                writer.Write(state.Length);
                writer.Write(state.Ticks);
            }
        }
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
