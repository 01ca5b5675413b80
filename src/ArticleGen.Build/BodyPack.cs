using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ArticleGen.Build;

/// <summary>
/// The packed bodies: one manifest resource, <c>ArticleGen.Bodies</c>, that holds the body of every Markdown file of the
/// project, which the generated catalogs read on first use (docs/generated-code.md describes the format). One resource
/// rather than one per file, because the compiler takes about 0.4 ms per resource; bodies rather than whole files, so
/// that the assembly does not carry the front matter twice (it is in the catalog's data already).
/// </summary>
/// <remarks>
/// Little-endian: the magic <c>AGB2</c>; the entry count; the offset where the bodies start (everything before it is
/// the index); then per entry, sorted by it, the 64-bit FNV-1a hash of its name's UTF-8 bytes, and the offset and
/// length of its body (32-bit integers); then the bodies in UTF-8. Offsets count from the start of the resource. The
/// names themselves are not kept: the catalog hashes the name it looks for (an entry's source path, which it holds
/// anyway), and two names of one pack never hash alike (the task checks).
/// </remarks>
internal static class BodyPack
{
    /// <summary>The resource's name in the assembly.</summary>
    public const string ResourceName = "ArticleGen.Bodies";

    private static readonly byte[] Magic = [(byte)'A', (byte)'G', (byte)'B', (byte)'2'];

    private const int HeaderSize = 12;

    private const int EntrySize = 16;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// The name a body is packed under: the file's path below <paramref name="projectDirectory"/> ('/'-separated, ending
    /// in '/'), '/'-separated, exactly as the generator names it (BodyResource.NameOf).
    /// </summary>
    public static string NameOf(string fullPath, string projectDirectory) =>
        fullPath.Replace('\\', '/').Substring(projectDirectory.Length);

    /// <summary>The key a body is found by: the 64-bit FNV-1a hash of its name's UTF-8 bytes, as the generated reader computes it.</summary>
    public static ulong HashOf(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Utf8.GetBytes(name))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash;
    }

    /// <summary>
    /// A Markdown file's body as ArticleGen reads it at build time: the text after the line that closes the front matter
    /// (a line of '---' and optional blanks), line endings made '\n'; empty without a closing line. The bytes are read as
    /// the compiler reads an article it takes for UTF-8: a byte-order mark dropped, a malformed sequence read as U+FFFD.
    /// A file the compiler reads in another encoding has its body compiled in, so whatever this returns for it is unused.
    /// </summary>
    public static string BodyOf(byte[] file) => BodyOfText(Utf8.GetString(file));

    /// <summary>
    /// <see cref="BodyOf(byte[])"/>, in UTF-8; null for a file that does not open with a front matter ('---'): it is no
    /// article (a README), so nothing reads its body, and it is not shipped in the assembly.
    /// </summary>
    public static ArraySegment<byte>? BodyBytesOf(byte[] file)
    {
        var text = Utf8.GetString(file);
        var start = FirstLine(text);
        return IsFence(text, start, LineEnd(text, start)) ? new ArraySegment<byte>(Utf8.GetBytes(BodyOfText(text))) : null;
    }

    /// <summary>Where line 1 starts: after a byte-order mark that survived decoding.</summary>
    private static int FirstLine(string text) => text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

    private static int LineEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] != '\n' && text[end] != '\r')
        {
            end++;
        }

        return end;
    }

    private static string BodyOfText(string text)
    {
        var line = NextLine(text, FirstLine(text)); // past the opening '---'
        while (line < text.Length)
        {
            var next = NextLine(text, line);
            if (IsFence(text, line, LineEnd(text, line)))
            {
                return next >= text.Length ? "" : text.Substring(next).Replace("\r\n", "\n").Replace('\r', '\n');
            }

            line = next;
        }

        return "";
    }

    private static int NextLine(string text, int start)
    {
        var at = LineEnd(text, start);
        return at >= text.Length ? text.Length : at + (text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 2 : 1);
    }

    private static bool IsFence(string text, int start, int end)
    {
        if (end - start < 3 || text[start] != '-' || text[start + 1] != '-' || text[start + 2] != '-')
        {
            return false;
        }

        for (var i = start + 3; i < end; i++)
        {
            if (text[i] != ' ' && text[i] != '\t')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes the pack of these bodies, each under its name (the first of two equal names wins).</summary>
    public static void Write(Stream output, IEnumerable<(string Name, string Body)> bodies) =>
        Write(output, bodies.Select(b => (b.Name, new ArraySegment<byte>(Utf8.GetBytes(b.Body)))));

    /// <summary>Writes the pack of these bodies, already in UTF-8.</summary>
    /// <exception cref="InvalidOperationException">The bodies would not fit one resource, or two names hash alike.</exception>
    public static void Write(Stream output, IEnumerable<(string Name, ArraySegment<byte> Body)> bodies)
    {
        var entries = new SortedDictionary<ulong, (string Name, ArraySegment<byte> Body)>();
        foreach (var (name, body) in bodies)
        {
            var hash = HashOf(name);
            if (entries.TryGetValue(hash, out var other))
            {
                if (other.Name != name)
                {
                    throw new InvalidOperationException($"The names '{other.Name}' and '{name}' have the same 64-bit hash, by which the catalog finds a body. Rename one of the files.");
                }

                continue; // the first of two equal names wins
            }

            entries.Add(hash, (name, body));
        }

        long bodiesStart = HeaderSize + ((long)EntrySize * entries.Count);
        var end = bodiesStart + entries.Values.Sum(e => (long)e.Body.Count);
        if (end > int.MaxValue)
        {
            throw new InvalidOperationException($"The bodies of the project's Markdown files come to {end:N0} bytes; one assembly resource holds at most {int.MaxValue:N0}.");
        }

        using var writer = new BinaryWriter(output, Utf8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(entries.Count);
        writer.Write((int)bodiesStart);
        var at = (int)bodiesStart;
        foreach (var entry in entries)
        {
            writer.Write(entry.Key);
            writer.Write(at);
            writer.Write(entry.Value.Body.Count);
            at += entry.Value.Body.Count;
        }

        foreach (var entry in entries.Values)
        {
            writer.Write(entry.Body.Array!, entry.Body.Offset, entry.Body.Count);
        }
    }

    /// <summary>A pack's bodies by the hash of their names, as slices of <paramref name="pack"/>; empty if it is not a pack (or an older one).</summary>
    public static Dictionary<ulong, ArraySegment<byte>> Slices(byte[] pack)
    {
        var result = new Dictionary<ulong, ArraySegment<byte>>();
        if (pack.Length < HeaderSize || !pack.Take(4).SequenceEqual(Magic))
        {
            return result;
        }

        // A pack cut short or damaged (a build stopped, a full disk) reads as empty: every body is then read again.
        var count = BitConverter.ToInt32(pack, 4);
        if (count < 0 || HeaderSize + ((long)count * EntrySize) > pack.Length)
        {
            return result;
        }

        for (var i = 0; i < count; i++)
        {
            var at = HeaderSize + (i * EntrySize);
            var offset = BitConverter.ToInt32(pack, at + 8);
            var length = BitConverter.ToInt32(pack, at + 12);
            if (offset < 0 || length < 0 || (long)offset + length > pack.Length)
            {
                return new Dictionary<ulong, ArraySegment<byte>>();
            }

            result[BitConverter.ToUInt64(pack, at)] = new ArraySegment<byte>(pack, offset, length);
        }

        return result;
    }

    /// <summary>Reads a pack back: each body by the hash of its name (for tests and tools; the catalogs read it with generated code).</summary>
    public static IReadOnlyDictionary<ulong, string> Read(byte[] pack) =>
        pack.Length >= HeaderSize && pack.Take(4).SequenceEqual(Magic)
            ? Slices(pack).ToDictionary(s => s.Key, s => Utf8.GetString(s.Value.Array!, s.Value.Offset, s.Value.Count))
            : throw new InvalidDataException("Not an ArticleGen body pack.");
}
