using System.Linq;
using ArticleGen.Model;

namespace ArticleGen.Emit;

/// <summary>
/// Writes a <see cref="ContentStore"/>: a class nested in its owner type that holds every entry of the store's
/// collections as UTF-8 data (<see cref="StoreLayout"/>) and reads them into objects in its static constructor, in
/// an order where every eager reference already exists. The runtime runs a static constructor once, blocking other
/// threads until it is done, so an entry is never seen half-built and no reference is ever null.
/// </summary>
internal static class StoreEmitter
{
    public static string HintName(ContentStore store) => CatalogEmitter.HintName(store.Owner).Replace(".g.cs", ".Store.g.cs");

    public static string Emit(ContentStore store)
    {
        var (layout, data) = StoreLayout.Write(store);
        var writer = new SourceWriter();
        CatalogEmitter.OpenTypeDeclaration(writer, store.Owner);

        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line(CatalogEmitter.GeneratedCodeAttribute);
        writer.OpenBlock("internal static class " + ContentStore.ClassName);
        foreach (var catalog in store.Catalogs)
        {
            var type = catalog.Schema.TypeName;
            var slot = CSharpText.Int(catalog.Slot);
            writer.Line("internal static readonly " + type + "[] Items" + slot + " = new " + type + "[" + CSharpText.Int(catalog.Entries.Count) + "];");
            writer.Line();
            writer.Line("internal static readonly global::System.Collections.ObjectModel.ReadOnlyCollection<" + type + "> All" + slot
                + " = new global::System.Collections.ObjectModel.ReadOnlyCollection<" + type + ">(Items" + slot + ");");
            writer.Line();
            writer.Line("/// <summary>Slug to index, compared ordinally (a switch over thousands of slugs costs the compiler minutes).</summary>");
            writer.Line("internal static readonly global::System.Collections.Generic.Dictionary<string, int> Index" + slot
                + " = new global::System.Collections.Generic.Dictionary<string, int>(" + CSharpText.Int(catalog.Entries.Count) + ", global::System.StringComparer.Ordinal);");
            writer.Line();
        }

        writer.OpenBlock("static " + ContentStore.ClassName + "()");
        writer.Line("var r = new DataReader(Data());");
        writer.OpenBlock("for (var entry = 0; entry < " + CSharpText.Int(store.ConstructionOrder.Count) + "; entry++)");
        writer.Line("var slot = r.Int32();");
        writer.Line("var index = r.Int32();");
        writer.OpenBlock("switch (slot)");
        foreach (var catalog in store.Catalogs)
        {
            writer.Line("case " + CSharpText.Int(catalog.Slot) + ": Items" + CSharpText.Int(catalog.Slot) + "[index] = " + layout.ReadEntry(catalog) + "; break;");
        }

        writer.Line("default: throw new global::System.InvalidOperationException(\"ArticleGen's catalog data is corrupt.\");");
        writer.CloseBlock();
        writer.CloseBlock();
        foreach (var catalog in store.Catalogs)
        {
            var slot = CSharpText.Int(catalog.Slot);
            writer.Line();
            writer.OpenBlock("for (var i = 0; i < Items" + slot + ".Length; i++)");
            writer.Line("Index" + slot + ".Add(Items" + slot + "[i].Slug, i);");
            writer.CloseBlock();
        }

        writer.CloseBlock();

        writer.Line();
        WriteData(writer, data, store.Owner.HasUtf8Literals);

        layout.WriteReaders(writer);
        WriteEntryLookup(writer, store);
        WriteDataReader(writer);
        writer.CloseBlock();
        CatalogEmitter.CloseTypeDeclaration(writer, store.Owner);
        return writer.ToString();
    }

    /// <summary>Up to this many characters of data go in one string literal, which the compiler handles fastest.</summary>
    public const int MaxStringLiteralData = 1 << 20;

    /// <summary>Above <see cref="MaxStringLiteralData"/>, the data goes in <c>u8</c> literals of at most this many characters each.</summary>
    public const int Utf8LiteralChunk = 1 << 16;

    /// <summary>
    /// The data, as bytes. Small data is one string literal, which compiles fastest. Large data would overflow the
    /// assembly's 16 MB string heap (CS8103), so it goes in <c>u8</c> literals, which live in the data section; they
    /// compile about ten times slower than a string, less so in chunks. Without <c>ReadOnlySpan&lt;T&gt;</c>
    /// (netstandard2.0 without System.Memory), a byte array initializer does the same.
    /// </summary>
    private static void WriteData(SourceWriter writer, string data, bool hasUtf8Literals)
    {
        if (data.Length <= MaxStringLiteralData)
        {
            writer.Line("private static byte[] Data() => global::System.Text.Encoding.UTF8.GetBytes(" + CSharpText.String(data) + ");");
            return;
        }

        if (!hasUtf8Literals)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(data);
            writer.Line("private static byte[] Data() => new byte[] { " + string.Join(", ", bytes.Select(b => CSharpText.Int(b))) + " };");
            return;
        }

        writer.OpenBlock("private static byte[] Data()");
        writer.Line("var data = new byte[" + CSharpText.Int(System.Text.Encoding.UTF8.GetByteCount(data)) + "];");
        writer.Line("var at = 0;");
        for (var start = 0; start < data.Length;)
        {
            var length = System.Math.Min(Utf8LiteralChunk, data.Length - start);
            if (start + length < data.Length && char.IsHighSurrogate(data[start + length - 1]))
            {
                length--; // a surrogate pair stays in one literal
            }

            writer.Line("at += Copy(" + CSharpText.String(data.Substring(start, length)) + "u8, data, at);");
            start += length;
        }

        writer.Line("return data;");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("private static int Copy(global::System.ReadOnlySpan<byte> chunk, byte[] data, int at)");
        writer.Line("chunk.CopyTo(new global::System.Span<byte>(data, at, chunk.Length));");
        writer.Line("return chunk.Length;");
        writer.CloseBlock();
    }

    /// <summary>The entry at a position, for references and for <c>ReferenceList</c>, which finds its entries only when read.</summary>
    private static void WriteEntryLookup(SourceWriter writer, ContentStore store)
    {
        writer.Line();
        writer.OpenBlock("private static object Entry(int slot, int index)");
        writer.OpenBlock("switch (slot)");
        foreach (var catalog in store.Catalogs)
        {
            writer.Line("case " + CSharpText.Int(catalog.Slot) + ": return Items" + CSharpText.Int(catalog.Slot) + "[index];");
        }

        writer.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(slot));");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>A read-only list of entries, found by position when read: entries may list each other.</summary>");
        writer.OpenBlock("internal sealed class ReferenceList<T> : global::System.Collections.Generic.IReadOnlyList<T>");
        writer.Line("private readonly int[] _positions;");
        writer.Line();
        writer.OpenBlock("internal ReferenceList(int[] positions)");
        writer.Line("_positions = positions;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("public int Count => _positions.Length / 2;");
        writer.Line();
        writer.Line("public T this[int index] => index >= 0 && index < Count");
        writer.Line("    ? (T)Entry(_positions[2 * index], _positions[(2 * index) + 1])");
        writer.Line("    : throw new global::System.ArgumentOutOfRangeException(nameof(index));");
        writer.Line();
        writer.OpenBlock("public global::System.Collections.Generic.IEnumerator<T> GetEnumerator()");
        writer.OpenBlock("for (var i = 0; i < Count; i++)");
        writer.Line("yield return this[i];");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();");
        writer.CloseBlock();
    }

    /// <summary>Reads the tokens <see cref="StoreLayout"/> writes.</summary>
    private static void WriteDataReader(SourceWriter writer)
    {
        writer.Line();
        writer.OpenBlock("private sealed class DataReader");
        writer.Line("private readonly byte[] _data;");
        writer.Line("private int _position;");
        writer.Line();
        writer.OpenBlock("internal DataReader(byte[] data)");
        writer.Line("_data = data;");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("internal bool Null()");
        writer.OpenBlock("if (_data[_position] != (byte)'~')");
        writer.Line("return false;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("_position++;");
        writer.Line("return true;");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("internal string String()");
        writer.Line("var length = 0;");
        writer.OpenBlock("while (_data[_position] is >= (byte)'0' and <= (byte)'9')");
        writer.Line("length = (length * 10) + (_data[_position++] - '0');");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("if (_data[_position++] == (byte)':')");
        writer.Line("var text = global::System.Text.Encoding.UTF8.GetString(_data, _position, length);");
        writer.Line("_position += length;");
        writer.Line("return text;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("// UTF-16 code units in hexadecimal: a string with a lone surrogate, which UTF-8 cannot carry.");
        writer.Line("var units = new char[length];");
        writer.OpenBlock("for (var i = 0; i < length; i++)");
        writer.Line("units[i] = (char)int.Parse(global::System.Text.Encoding.ASCII.GetString(_data, _position, 4), global::System.Globalization.NumberStyles.AllowHexSpecifier, global::System.Globalization.CultureInfo.InvariantCulture);");
        writer.Line("_position += 4;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return new string(units);");
        writer.CloseBlock();
        writer.Line();
        writer.Line("internal int Int32() => checked((int)Int64());");
        writer.Line();
        writer.Line("/// <summary>An integer token, read from its bytes without making a string of it.</summary>");
        writer.OpenBlock("internal long Int64()");
        writer.Line("var length = 0;");
        writer.OpenBlock("while (_data[_position] != (byte)':')");
        writer.Line("length = (length * 10) + (_data[_position++] - '0');");
        writer.CloseBlock();
        writer.Line();
        writer.Line("_position++;");
        writer.Line("var end = _position + length;");
        writer.Line("var negative = _data[_position] == (byte)'-';");
        writer.OpenBlock("if (negative)");
        writer.Line("_position++;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("var value = 0L;");
        writer.OpenBlock("while (_position < end)");
        writer.Line("value = (value * 10) - (_data[_position++] - '0');");
        writer.CloseBlock();
        writer.Line();
        writer.Line("// Accumulated negatively, so that long.MinValue fits.");
        writer.Line("return negative ? value : checked(-value);");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("internal int[] Positions()");
        writer.Line("var positions = new int[2 * Int32()];");
        writer.OpenBlock("for (var i = 0; i < positions.Length; i++)");
        writer.Line("positions[i] = Int32();");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return positions;");
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
