using System.Linq;
using System.Text;

namespace ArticleGen.Emit;

/// <summary>
/// Writes data as C# the compiler reads fast. Bytes compressed (<see cref="DataCompression"/>), then packed two to a
/// character in a string literal, compile fastest (one token, whatever its length) but live in the assembly's
/// user-string heap, which holds 16 MB in all (CS8103); past a chunk's share of that, the rest goes uncompressed in
/// <c>u8</c> literals, which live in the data section but compile about ten times slower; without
/// <c>ReadOnlySpan&lt;T&gt;</c> (netstandard2.0 without System.Memory), in a byte array initializer.
/// </summary>
internal static class DataLiteral
{
    /// <summary>Bytes per <c>u8</c> literal or array initializer: the compiler handles many small ones faster than one large one.</summary>
    public const int Utf8LiteralChunk = 1 << 16;

    /// <summary>
    /// Writes <c>private static byte[] {name}()</c>, returning <paramref name="data"/>: as much as fits in
    /// <paramref name="packedAllowance"/> bytes once compressed from a string literal, the rest from <c>u8</c> literals
    /// or arrays. Returns the bytes it put in the string literal.
    /// </summary>
    public static int WriteMethod(SourceWriter writer, string name, byte[] data, int length, int packedAllowance, bool hasUtf8Literals)
    {
        var compressed = System.Buffers.ArrayPool<byte>.Shared.Rent(DataCompression.MaxCompressedLength(length));
        try
        {
            var packed = DataCompression.Compress(data, length, compressed, packedAllowance, endOnCharacter: hasUtf8Literals, out var consumed);
            // The literal (most of a chunk's text) goes into the file as it is, not through a concatenated copy.
            var literal = CSharpText.String(Pack(compressed, packed));
            var lengths = ", " + CSharpText.Int(packed) + ", " + CSharpText.Int(length) + ")";
            if (consumed == length)
            {
                writer.Line("private static byte[] " + name + "() => Unpack(", literal, lengths + ";");
                return packed;
            }

            writer.OpenBlock("private static byte[] " + name + "()");
            writer.Line("var data = Unpack(", literal, lengths + ";");
            writer.Line("var at = " + CSharpText.Int(consumed) + ";");
            for (var start = consumed; start < length;)
            {
                var count = System.Math.Min(Utf8LiteralChunk, length - start);
                if (hasUtf8Literals)
                {
                    // A u8 literal holds text: each ends where a character starts.
                    count = CharacterStart(data, length, start + count) - start;
                    writer.Line("at += Copy(", CSharpText.String(Encoding.UTF8.GetString(data, start, count)), "u8, data, at);");
                }
                else
                {
                    writer.Line("at += Copy(new byte[] { " + string.Join(", ", data.Skip(start).Take(count).Select(b => CSharpText.Int(b))) + " }, data, at);");
                }

                start += count;
            }

            writer.Line("return data;");
            writer.CloseBlock();
            return packed;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    /// <summary>The methods that <see cref="WriteMethod"/>'s code calls, written once per store.</summary>
    public static void WriteHelpers(SourceWriter writer, bool hasUtf8Literals)
    {
        writer.Line();
        writer.Line("/// <summary>An array of <paramref name=\"capacity\"/> bytes that starts with the data compressed in <paramref name=\"packedLength\"/> bytes, packed two to a character, low byte first.</summary>");
        writer.OpenBlock("private static byte[] Unpack(string packed, int packedLength, int capacity)");
        writer.Line("var data = new byte[capacity];");
        if (hasUtf8Literals)
        {
            // On a little-endian machine the string's memory already holds the bytes in order: decompressed from there.
            writer.OpenBlock("if (global::System.BitConverter.IsLittleEndian)");
            writer.Line("Expand(global::System.Runtime.InteropServices.MemoryMarshal.AsBytes(global::System.MemoryExtensions.AsSpan(packed)).Slice(0, packedLength), data);");
            writer.Line("return data;");
            writer.CloseBlock();
            writer.Line();
        }

        writer.Line("var source = new byte[packedLength];");
        writer.OpenBlock("for (var i = 0; i < packedLength; i++)");
        writer.Line("var unit = packed[i >> 1];");
        writer.Line("source[i] = (byte)((i & 1) == 0 ? unit : unit >> 8);");
        writer.CloseBlock();
        writer.Line();
        writer.Line("Expand(source, data);");
        writer.Line("return data;");
        writer.CloseBlock();
        writer.Line();
        DataCompression.WriteExpand(writer, hasUtf8Literals ? "global::System.ReadOnlySpan<byte>" : "byte[]");
        writer.Line();
        if (hasUtf8Literals)
        {
            writer.OpenBlock("private static int Copy(global::System.ReadOnlySpan<byte> chunk, byte[] data, int at)");
            writer.Line("chunk.CopyTo(new global::System.Span<byte>(data, at, chunk.Length));");
        }
        else
        {
            writer.OpenBlock("private static int Copy(byte[] chunk, byte[] data, int at)");
            writer.Line("global::System.Array.Copy(chunk, 0, data, at, chunk.Length);");
        }

        writer.Line("return chunk.Length;");
        writer.CloseBlock();
    }

    /// <summary>The first <paramref name="length"/> bytes, two to a character, low byte first (an odd last byte pairs with 0).</summary>
    private static string Pack(byte[] data, int length)
    {
        // Borrowed: at a chunk's size the array would be one more allocation on the large-object heap.
        var count = (length + 1) / 2;
        var units = System.Buffers.ArrayPool<char>.Shared.Rent(count);
        for (var i = 0; i < count; i++)
        {
            var low = data[2 * i];
            var high = 2 * i + 1 < length ? data[2 * i + 1] : 0;
            units[i] = (char)(low | (high << 8));
        }

        var packed = new string(units, 0, count);
        System.Buffers.ArrayPool<char>.Shared.Return(units);
        return packed;
    }

    /// <summary>The nearest position at or before <paramref name="position"/> where a UTF-8 character starts.</summary>
    private static int CharacterStart(byte[] data, int length, int position)
    {
        while (position > 0 && position < length && (data[position] & 0xC0) == 0x80)
        {
            position--;
        }

        return position;
    }
}
