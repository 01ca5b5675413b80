using ArticleGen.Model;

namespace ArticleGen.Emit;

/// <summary>The code every store carries whatever its schemas: its lists, its body reader and its data reader.</summary>
internal static partial class StoreEmitter
{
    /// <summary><c>All</c>, and lists of references: read-only lists that find their entries when read, so entries may list each other.</summary>
    private static void WriteLists(SourceWriter writer)
    {
        writer.Line();
        writer.Line("/// <summary>A collection's entries, each read when first needed.</summary>");
        writer.OpenBlock("internal sealed class EntryList<T> : global::System.Collections.Generic.IReadOnlyList<T>");
        writer.Line("private readonly int _slot;");
        writer.Line();
        writer.OpenBlock("internal EntryList(int slot, int count)");
        writer.Line("_slot = slot;");
        writer.Line("Count = count;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("public int Count { get; }");
        writer.Line();
        writer.Line("public T this[int index] => index >= 0 && index < Count");
        writer.Line("    ? (T)Entry(_slot, index)");
        writer.Line("    : throw new global::System.ArgumentOutOfRangeException(nameof(index));");
        writer.Line();
        writer.OpenBlock("public global::System.Collections.Generic.IEnumerator<T> GetEnumerator()");
        writer.OpenBlock("for (var i = 0; i < Count; i++)");
        writer.Line("yield return (T)Entry(_slot, i);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();");
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

    /// <summary>
    /// An article's body read from the manifest resource that holds its file, split from its front matter exactly as
    /// ArticleGen splits it at build time (the line after the closing '---' line on, line endings normalised to '\n').
    /// </summary>
    private static void WriteBodyReader(SourceWriter writer)
    {
        writer.Line();
        writer.OpenBlock("private static string BodyFromResource(string name)");
        writer.Line("using var stream = typeof(" + ContentStore.ClassName + ").Assembly.GetManifestResourceStream(name)");
        writer.Line("    ?? throw new global::System.InvalidOperationException(\"ArticleGen: the assembly lacks the resource '\" + name + \"' that holds an article's body; the ArticleGen package's build targets embed it.\");");
        writer.Line("using var reader = new global::System.IO.StreamReader(stream, new global::System.Text.UTF8Encoding(false), true);");
        writer.Line("return BodyOf(reader.ReadToEnd());");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("private static string BodyOf(string text)");
        writer.Line("var line = text.Length > 0 && text[0] == '\\uFEFF' ? 1 : 0;");
        writer.Line("line = NextLine(text, line); // past the opening '---'");
        writer.OpenBlock("while (line < text.Length)");
        writer.Line("var end = line;");
        writer.OpenBlock("while (end < text.Length && text[end] != '\\n' && text[end] != '\\r')");
        writer.Line("end++;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("var next = NextLine(text, line);");
        writer.OpenBlock("if (IsFence(text, line, end))");
        writer.Line("return next >= text.Length ? \"\" : text.Substring(next).Replace(\"\\r\\n\", \"\\n\").Replace('\\r', '\\n');");
        writer.CloseBlock();
        writer.Line();
        writer.Line("line = next;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return \"\";");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("private static int NextLine(string text, int at)");
        writer.OpenBlock("while (at < text.Length && text[at] != '\\n' && text[at] != '\\r')");
        writer.Line("at++;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return at >= text.Length ? text.Length : at + (text[at] == '\\r' && at + 1 < text.Length && text[at + 1] == '\\n' ? 2 : 1);");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("private static bool IsFence(string text, int start, int end)");
        writer.OpenBlock("if (end - start < 3 || text[start] != '-' || text[start + 1] != '-' || text[start + 2] != '-')");
        writer.Line("return false;");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("for (var i = start + 3; i < end; i++)");
        writer.OpenBlock("if (text[i] != ' ' && text[i] != '\\t')");
        writer.Line("return false;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("return true;");
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
        writer.Line("/// <summary>A body: its text, or '@' and the manifest resource that holds its article's file.</summary>");
        writer.OpenBlock("internal string Body()");
        writer.OpenBlock("if (_data[_position] != (byte)'@')");
        writer.Line("return String();");
        writer.CloseBlock();
        writer.Line();
        writer.Line("_position++;");
        writer.Line("return BodyFromResource(String());");
        writer.CloseBlock();
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
