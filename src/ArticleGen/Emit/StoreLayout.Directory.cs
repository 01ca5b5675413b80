using System.Globalization;
using System.Text;
using ArticleGen.Common;
using ArticleGen.Model;

namespace ArticleGen.Emit;

/// <summary>The data of a store's directory: each entry's chunk, and apart from it each entry's slug.</summary>
internal sealed partial class StoreLayout
{
    /// <summary>
    /// Each entry's chunk, in <paramref name="width"/> hexadecimal digits (text, so that it may go in a u8 literal):
    /// reading an entry by its place (a listing, a reference) reads these, and never the slugs.
    /// </summary>
    public static byte[] WriteChunkDirectory(EquatableArray<SlugAndChunk> entries, int width)
    {
        var data = new StringBuilder(entries.Count * width);
        foreach (var entry in entries)
        {
            data.Append(entry.Chunk.ToString("x" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        }

        return Encoding.ASCII.GetBytes(data.ToString());
    }

    /// <summary>The hexadecimal digits a chunk number takes among <paramref name="chunkCount"/> chunks.</summary>
    public static int ChunkDigits(int chunkCount)
    {
        var digits = 1;
        for (var max = chunkCount - 1; max >= 16; max >>= 4)
        {
            digits++;
        }

        return digits;
    }

    /// <summary>A collection's slugs: its count, then each entry's slug, which a store reads on its first lookup by slug.</summary>
    public static byte[] WriteSlugDirectory(EquatableArray<SlugAndChunk> entries)
    {
        using var data = new DataWriter();
        Token(data, entries.Count);
        foreach (var entry in entries)
        {
            Token(data, entry.Slug);
        }

        return data.ToArray();
    }
}
