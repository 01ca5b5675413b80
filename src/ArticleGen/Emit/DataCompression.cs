using System;

namespace ArticleGen.Emit;

/// <summary>
/// Compresses the catalog data that goes in string literals. Front matter repeats itself (keys' values, URLs, dates,
/// the same provider in many entries) and about halves; what the compiler reads, the string heap holds and the
/// assembly carries halves with it, and a 10,000-article site keeps all its data in strings instead of spilling into
/// <c>u8</c> literals, which the compiler turns into one bound node per byte (about 0.4 s of every build at 10,000
/// powerapps news). The format is an LZ77 dialect small enough to decode in a dozen lines of generated code
/// (<see cref="WriteExpand"/>), and the encoder is ArticleGen's own, so the same input gives the same bytes on every
/// host (a compression library's output may change with its version).
/// </summary>
/// <remarks>
/// A stream is a sequence of runs: a token byte (high nibble: literal count, low nibble: match length minus
/// <see cref="MinMatch"/>; 15 in either means more length bytes follow, each added, until one is not 255), the
/// literals, then, unless the stream ends there, a two-byte little-endian offset back into the output and the
/// match's extra length bytes. A match may overlap its own output (a run of one repeated byte is a match at offset 1).
/// </remarks>
internal static class DataCompression
{
    private const int MinMatch = 4;
    private const int MaxOffset = ushort.MaxValue;
    private const int HashBits = 14;

    /// <summary>The most bytes <see cref="Compress"/> can write for <paramref name="length"/> bytes of input.</summary>
    public static int MaxCompressedLength(int length) => length + length / 255 + 16;

    /// <summary>
    /// Compresses the longest prefix of <paramref name="source"/>'s first <paramref name="length"/> bytes whose
    /// compressed form fits in <paramref name="limit"/> bytes, into <paramref name="target"/> (at least
    /// <see cref="MaxCompressedLength"/> long), and returns how many bytes it wrote; <paramref name="consumed"/> is
    /// the prefix's length, which ends where a UTF-8 character starts when <paramref name="endOnCharacter"/> is set
    /// (the rest then goes in <c>u8</c> literals, which hold text).
    /// </summary>
    public static int Compress(byte[] source, int length, byte[] target, int limit, bool endOnCharacter, out int consumed)
    {
        // Positions plus one, by the hash of the four bytes there; borrowed, as a chunk's emit runs once per chunk.
        var table = System.Buffers.ArrayPool<int>.Shared.Rent(1 << HashBits);
        Array.Clear(table, 0, 1 << HashBits);
        try
        {
            var written = 0;
            var anchor = 0;
            var at = 0;
            var stopped = false;
            var misses = 0;
            while (at + MinMatch <= length)
            {
                var four = Four(source, at);
                var hash = Hash(four);
                var candidate = table[hash] - 1;
                table[hash] = at + 1;
                if (candidate < 0 || at - candidate > MaxOffset || Four(source, candidate) != four)
                {
                    // Past a long stretch without a match (random tokens, hashes), look less often: as LZ4 does.
                    at += 1 + (misses++ >> 5);
                    continue;
                }

                misses = 0;

                var match = MinMatch;
                while (at + match < length && source[candidate + match] == source[at + match])
                {
                    match++;
                }

                // Room for this run and for the few literals that may end the stream on a character's first byte.
                if (written + RunLength(at - anchor, match) + FinalRunLength(4) > limit)
                {
                    stopped = true;
                    break;
                }

                written = WriteRun(target, written, source, anchor, at - anchor, at - candidate, match);
                at += match;
                anchor = at;
                if (at - 2 >= 0 && at - 2 + MinMatch <= length)
                {
                    table[Hash(Four(source, at - 2))] = at - 2 + 1;
                }
            }

            var end = length;
            if (stopped || written + FinalRunLength(length - anchor) > limit)
            {
                // The stream ends with as many literals as still fit, back to where a character starts; when that is
                // the last run's end and a character goes on there, a few bytes forward (room for them was kept: text
                // has at most three continuation bytes in a row).
                var room = limit - written;
                var literals = System.Math.Min(length - anchor, System.Math.Max(0, room - 1));
                while (literals > 0 && FinalRunLength(literals) > room)
                {
                    literals--;
                }

                end = anchor + literals;
                while (endOnCharacter && end > anchor && end < length && IsContinuation(source[end]))
                {
                    end--;
                }

                if (endOnCharacter && end == anchor)
                {
                    while (end < length && IsContinuation(source[end]) && FinalRunLength(end + 1 - anchor) <= room)
                    {
                        end++;
                    }
                }
            }

            if (end > anchor)
            {
                written = WriteRun(target, written, source, anchor, end - anchor, 0, 0);
            }

            consumed = end;
            return written;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(table);
        }
    }

    /// <summary>
    /// Writes the generated code's decoder, <c>Expand(source, data, length)</c>, the inverse of <see cref="Compress"/>:
    /// <paramref name="sourceType"/> is <c>ReadOnlySpan&lt;byte&gt;</c> where the consumer has it, else <c>byte[]</c>.
    /// </summary>
    public static void WriteExpand(SourceWriter writer, string sourceType)
    {
        writer.Line("/// <summary>Decompresses <paramref name=\"source\"/> into the start of <paramref name=\"data\"/> (the format is in ArticleGen's docs/generated-code.md).</summary>");
        writer.OpenBlock("private static void Expand(" + sourceType + " source, byte[] data)");
        writer.Line("int from = 0, to = 0;");
        writer.OpenBlock("while (from < source.Length)");
        writer.Line("int token = source[from++];");
        writer.Line("var literals = Length(source, ref from, token >> 4);");
        writer.Line("for (var i = 0; i < literals; i++) data[to++] = source[from++];");
        writer.Line("if (from == source.Length) break;");
        writer.Line("var offset = source[from] | source[from + 1] << 8;");
        writer.Line("from += 2;");
        writer.Line("var match = Length(source, ref from, token & 15) + " + MinMatch.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";");
        writer.Line("for (var i = 0; i < match; i++, to++) data[to] = data[to - offset];");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("private static int Length(" + sourceType + " source, ref int from, int nibble)");
        writer.Line("if (nibble < 15) return nibble;");
        writer.Line("int more;");
        writer.Line("do { more = source[from++]; nibble += more; } while (more == 255);");
        writer.Line("return nibble;");
        writer.CloseBlock();
    }

    private static bool IsContinuation(byte value) => (value & 0xC0) == 0x80;

    /// <summary>The four bytes at <paramref name="at"/>, little-endian on every host (the output must not depend on it).</summary>
    private static uint Four(byte[] data, int at) =>
        BitConverter.IsLittleEndian ? BitConverter.ToUInt32(data, at) : (uint)(data[at] | data[at + 1] << 8 | data[at + 2] << 16 | data[at + 3] << 24);

    private static int Hash(uint four) => (int)((four * 2654435761u) >> (32 - HashBits));

    /// <summary>The bytes a run of <paramref name="literals"/> literals and a match of <paramref name="match"/> bytes takes.</summary>
    private static int RunLength(int literals, int match) => 1 + ExtraLength(literals) + literals + 2 + ExtraLength(match - MinMatch);

    private static int FinalRunLength(int literals) => 1 + ExtraLength(literals) + literals;

    private static int ExtraLength(int value) => value < 15 ? 0 : (value - 15) / 255 + 1;

    /// <summary>Writes one run (a <paramref name="match"/> of 0: the stream's last, literals only) and returns where it ends.</summary>
    private static int WriteRun(byte[] target, int at, byte[] source, int literalsStart, int literals, int offset, int match)
    {
        var matchNibble = match == 0 ? 0 : Math.Min(match - MinMatch, 15);
        target[at++] = (byte)(Math.Min(literals, 15) << 4 | matchNibble);
        at = WriteExtraLength(target, at, literals);
        Buffer.BlockCopy(source, literalsStart, target, at, literals);
        at += literals;
        if (match == 0)
        {
            return at;
        }

        target[at++] = (byte)offset;
        target[at++] = (byte)(offset >> 8);
        return WriteExtraLength(target, at, match - MinMatch);
    }

    private static int WriteExtraLength(byte[] target, int at, int value)
    {
        if (value < 15)
        {
            return at;
        }

        for (value -= 15; value >= 255; value -= 255)
        {
            target[at++] = 255;
        }

        target[at++] = (byte)value;
        return at;
    }
}
