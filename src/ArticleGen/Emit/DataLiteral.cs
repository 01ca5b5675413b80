using System.Linq;
using System.Text;

namespace ArticleGen.Emit;

/// <summary>
/// Writes data as C# the compiler reads fast. Bytes packed two to a character in a string literal compile fastest
/// (one token, whatever its length) but live in the assembly's user-string heap, which holds 16 MB in all
/// (CS8103); past a chunk's share of that, the rest goes in <c>u8</c> literals, which live in the data section but
/// compile about ten times slower; without <c>ReadOnlySpan&lt;T&gt;</c> (netstandard2.0 without System.Memory), in a
/// byte array initializer.
/// </summary>
internal static class DataLiteral
{
    /// <summary>Bytes per <c>u8</c> literal or array initializer: the compiler handles many small ones faster than one large one.</summary>
    public const int Utf8LiteralChunk = 1 << 16;

    /// <summary>
    /// Writes <c>private static byte[] {name}()</c>, returning <paramref name="data"/>: up to
    /// <paramref name="packedAllowance"/> bytes from a string literal, the rest from <c>u8</c> literals or arrays.
    /// </summary>
    public static void WriteMethod(SourceWriter writer, string name, byte[] data, int length, int packedAllowance, bool hasUtf8Literals)
    {
        if (length <= packedAllowance)
        {
            writer.Line("private static byte[] " + name + "() => Unpack(", CSharpText.String(Pack(data, length)), ", " + CSharpText.Int(length) + ", " + CSharpText.Int(length) + ");");
            return;
        }

        // A u8 literal holds text, so the rest starts on a character's first byte.
        var packed = hasUtf8Literals ? CharacterStart(data, length, packedAllowance) : packedAllowance;
        writer.OpenBlock("private static byte[] " + name + "()");
        writer.Line("var data = Unpack(", CSharpText.String(Pack(data, packed)), ", " + CSharpText.Int(packed) + ", " + CSharpText.Int(length) + ");");
        writer.Line("var at = " + CSharpText.Int(packed) + ";");
        for (var start = packed; start < length;)
        {
            var count = System.Math.Min(Utf8LiteralChunk, length - start);
            if (hasUtf8Literals)
            {
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
    }

    /// <summary>The methods that <see cref="WriteMethod"/>'s code calls, written once per store.</summary>
    public static void WriteHelpers(SourceWriter writer, bool hasUtf8Literals)
    {
        writer.Line();
        writer.Line("/// <summary>The first <paramref name=\"length\"/> bytes packed two to a character, low byte first, in an array of <paramref name=\"capacity\"/>.</summary>");
        writer.OpenBlock("private static byte[] Unpack(string packed, int length, int capacity)");
        writer.Line("var data = new byte[capacity];");
        if (hasUtf8Literals)
        {
            // On a little-endian machine the string's memory already holds the bytes in order: one copy.
            writer.OpenBlock("if (global::System.BitConverter.IsLittleEndian)");
            writer.Line("global::System.Runtime.InteropServices.MemoryMarshal.AsBytes(global::System.MemoryExtensions.AsSpan(packed)).Slice(0, length).CopyTo(data);");
            writer.Line("return data;");
            writer.CloseBlock();
            writer.Line();
        }

        writer.OpenBlock("for (var i = 0; i < length; i++)");
        writer.Line("var unit = packed[i >> 1];");
        writer.Line("data[i] = (byte)((i & 1) == 0 ? unit : unit >> 8);");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return data;");
        writer.CloseBlock();
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
