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
/// Little-endian: the magic <c>AGB1</c>; the entry count; the offset where the bodies start (everything before it is
/// the index); then per entry, sorted by the ordinal order of the names' UTF-8 bytes, the offset and length of its name
/// and of its body (four 32-bit integers); then the names in UTF-8; then the bodies in UTF-8. Offsets count from the
/// start of the resource.
/// </remarks>
internal static class BodyPack
{
    /// <summary>The resource's name in the assembly.</summary>
    public const string ResourceName = "ArticleGen.Bodies";

    private static readonly byte[] Magic = [(byte)'A', (byte)'G', (byte)'B', (byte)'1'];

    private const int HeaderSize = 12;

    private const int EntrySize = 16;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// The name a body is packed under: the file's path below <paramref name="projectDirectory"/> ('/'-separated, ending
    /// in '/'), '/'-separated, exactly as the generator names it (BodyResource).
    /// </summary>
    public static string NameOf(string fullPath, string projectDirectory) =>
        fullPath.Replace('\\', '/').Substring(projectDirectory.Length);

    /// <summary>
    /// A Markdown file's body as ArticleGen reads it at build time: the text after the line that closes the front matter
    /// (a line of '---' and optional blanks), line endings made '\n'; empty without a closing line. The bytes are read as
    /// the compiler reads an article it takes for UTF-8: a byte-order mark dropped, a malformed sequence read as U+FFFD.
    /// A file the compiler reads in another encoding has its body compiled in, so whatever this returns for it is unused.
    /// </summary>
    public static string BodyOf(byte[] file) => BodyOfText(Utf8.GetString(file));

    /// <summary><see cref="BodyOf(byte[])"/>, in UTF-8.</summary>
    public static ArraySegment<byte> BodyBytesOf(byte[] file) => new(Utf8.GetBytes(BodyOf(file)));

    private static string BodyOfText(string text)
    {
        var line = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        line = NextLine(text, line); // past the opening '---'
        while (line < text.Length)
        {
            var end = line;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r')
            {
                end++;
            }

            var next = NextLine(text, line);
            if (IsFence(text, line, end))
            {
                return next >= text.Length ? "" : text.Substring(next).Replace("\r\n", "\n").Replace('\r', '\n');
            }

            line = next;
        }

        return "";
    }

    private static int NextLine(string text, int at)
    {
        while (at < text.Length && text[at] != '\n' && text[at] != '\r')
        {
            at++;
        }

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
    public static void Write(Stream output, IEnumerable<(string Name, ArraySegment<byte> Body)> bodies)
    {
        var entries = bodies
            .Select(b => (Name: Utf8.GetBytes(b.Name), b.Body))
            .GroupBy(e => e.Name, ByteArrayComparer.Instance)
            .Select(g => g.First())
            .OrderBy(e => e.Name, ByteArrayComparer.Instance)
            .ToList();

        long namesStart = HeaderSize + ((long)EntrySize * entries.Count);
        var bodiesStart = namesStart + entries.Sum(e => (long)e.Name.Length);
        var end = bodiesStart + entries.Sum(e => (long)e.Body.Count);
        if (end > int.MaxValue)
        {
            throw new InvalidOperationException($"The bodies of the project's Markdown files come to {end:N0} bytes; one assembly resource holds at most {int.MaxValue:N0}.");
        }

        using var writer = new BinaryWriter(output, Utf8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(entries.Count);
        writer.Write((int)bodiesStart);
        var name = (int)namesStart;
        var body = (int)bodiesStart;
        foreach (var entry in entries)
        {
            writer.Write(name);
            writer.Write(entry.Name.Length);
            writer.Write(body);
            writer.Write(entry.Body.Count);
            name += entry.Name.Length;
            body += entry.Body.Count;
        }

        foreach (var entry in entries)
        {
            writer.Write(entry.Name);
        }

        foreach (var entry in entries)
        {
            writer.Write(entry.Body.Array!, entry.Body.Offset, entry.Body.Count);
        }
    }

    /// <summary>A pack's bodies by name, as slices of <paramref name="pack"/>; empty if it is not a pack.</summary>
    public static Dictionary<string, ArraySegment<byte>> Slices(byte[] pack)
    {
        var result = new Dictionary<string, ArraySegment<byte>>(StringComparer.Ordinal);
        if (pack.Length < HeaderSize || !pack.Take(4).SequenceEqual(Magic))
        {
            return result;
        }

        var count = BitConverter.ToInt32(pack, 4);
        for (var i = 0; i < count; i++)
        {
            var at = HeaderSize + (i * EntrySize);
            result[Utf8.GetString(pack, BitConverter.ToInt32(pack, at), BitConverter.ToInt32(pack, at + 4))] =
                new ArraySegment<byte>(pack, BitConverter.ToInt32(pack, at + 8), BitConverter.ToInt32(pack, at + 12));
        }

        return result;
    }

    /// <summary>Reads a pack back: each name with its body (for tests and tools; the catalogs read it with generated code).</summary>
    public static IReadOnlyList<(string Name, string Body)> Read(byte[] pack) =>
        pack.Length >= HeaderSize && pack.Take(4).SequenceEqual(Magic)
            ? [.. Slices(pack).Select(s => (s.Key, Utf8.GetString(s.Value.Array!, s.Value.Offset, s.Value.Count)))]
            : throw new InvalidDataException("Not an ArticleGen body pack.");

    /// <summary>The order the generated reader's binary search assumes: bytes compared as unsigned values.</summary>
    private sealed class ByteArrayComparer : IComparer<byte[]>, IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y)
        {
            var left = x ?? [];
            var right = y ?? [];
            var length = Math.Min(left.Length, right.Length);
            for (var i = 0; i < length; i++)
            {
                if (left[i] != right[i])
                {
                    return left[i] - right[i];
                }
            }

            return left.Length - right.Length;
        }

        public bool Equals(byte[]? x, byte[]? y) => Compare(x, y) == 0;

        public int GetHashCode(byte[] obj)
        {
            var hash = 17;
            foreach (var b in obj)
            {
                hash = unchecked((hash * 31) + b);
            }

            return hash;
        }
    }
}
