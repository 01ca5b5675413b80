using ArticleGen.Model;

namespace ArticleGen.Emit;

/// <summary>The code every store carries whatever its schemas: its lists, its body reader and its data reader.</summary>
internal static partial class StoreEmitter
{
    /// <summary><c>All</c>, and lists of references: read-only lists that find their entries when read, so entries may list each other.</summary>
    private static void WriteLists(SourceWriter writer, bool reloadable)
    {
        // A list reads its entries from the state it was made with: one kept across a hot reload update (a static field
        // of the user's) stays as it was instead of reading another state's entries at its old positions. Outside hot
        // reload there is one state, and the branch goes.
        var entry = reloadable ? HotReload + " ? EntryIn(_state, {0}, {1}) : Entry({0}, {1})" : "Entry({0}, {1})";
        writer.Line();
        writer.Line("/// <summary>A collection's entries, each read when first needed.</summary>");
        writer.OpenBlock("internal sealed class EntryList<T> : global::System.Collections.Generic.IReadOnlyList<T>");
        writer.Line("private readonly State _state;");
        writer.Line("private readonly int _slot;");
        writer.Line();
        writer.OpenBlock("internal EntryList(State state, int slot, int count)");
        writer.Line("_state = state;");
        writer.Line("_slot = slot;");
        writer.Line("Count = count;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("public int Count { get; }");
        writer.Line();
        writer.Line("public T this[int index] => index >= 0 && index < Count");
        writer.Line("    ? (T)(" + string.Format(System.Globalization.CultureInfo.InvariantCulture, entry, "_slot", "index") + ")");
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

        writer.Line();
        writer.Line("/// <summary>A read-only list of entries, found by position when read: entries may list each other.</summary>");
        writer.OpenBlock("internal sealed class ReferenceList<T> : global::System.Collections.Generic.IReadOnlyList<T>");
        writer.Line("private readonly State _state;");
        writer.Line("private readonly int[] _positions;");
        writer.Line();
        writer.OpenBlock("internal ReferenceList(State state, int[] positions)");
        writer.Line("_state = state;");
        writer.Line("_positions = positions;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("public int Count => _positions.Length / 2;");
        writer.Line();
        writer.Line("public T this[int index] => index >= 0 && index < Count");
        writer.Line("    ? (T)(" + string.Format(System.Globalization.CultureInfo.InvariantCulture, entry, "_positions[2 * index]", "_positions[(2 * index) + 1]") + ")");
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
    /// An article's body read from <c>ArticleGen.Bodies</c>, the resource into which the package's build task packs every
    /// body (split from its front matter and with '\n' line endings, as ArticleGen splits it at build time). The pack's
    /// index (docs/generated-code.md) is read once; a body is found by binary search over the 64-bit FNV-1a hashes of
    /// the names, and decoded.
    /// </summary>
    private static void WriteBodyReader(SourceWriter writer)
    {
        writer.Line();
        writer.Line("private static readonly object _bodyLock = new object();");
        writer.Line("private static global::System.IO.Stream? _bodyPack;");
        writer.Line("private static byte[]? _bodyIndex;");
        writer.Line();
        writer.OpenBlock("private static string BodyFromResource(string name)");
        writer.Line("var hash = 14695981039346656037UL;");
        writer.OpenBlock("foreach (var b in global::System.Text.Encoding.UTF8.GetBytes(name))");
        writer.Line("hash = unchecked((hash ^ b) * 1099511628211UL);");
        writer.CloseBlock();
        writer.Line();
        writer.Line("byte[]? body = null;");
        writer.OpenBlock("lock (_bodyLock)");
        writer.Line("var index = _bodyIndex ?? OpenBodyPack();");
        writer.Line("var low = 0;");
        writer.Line("var high = Int32At(index, 4) - 1;");
        writer.OpenBlock("while (low <= high)");
        writer.Line("var middle = low + ((high - low) >> 1);");
        writer.Line("var at = 12 + (middle * 16);");
        writer.Line("var key = (ulong)(uint)Int32At(index, at) | ((ulong)(uint)Int32At(index, at + 4) << 32);");
        writer.OpenBlock("if (key == hash)");
        writer.Line("body = ReadBodyBytes(Int32At(index, at + 8), Int32At(index, at + 12));");
        writer.Line("break;");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("if (key < hash)");
        writer.Line("low = middle + 1;");
        writer.CloseBlock();
        writer.OpenBlock("else");
        writer.Line("high = middle - 1;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("return body is null");
        writer.Line("    ? throw new global::System.InvalidOperationException(\"ArticleGen: the resource 'ArticleGen.Bodies' lacks the body of '\" + name + \"'; the ArticleGen package's build targets pack it. Rebuild the project.\")");
        writer.Line("    : global::System.Text.Encoding.UTF8.GetString(body, 0, body.Length);");
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>Opens the pack and reads its index: the magic, the count, where the bodies start, and per body its hash, offset and length.</summary>");
        writer.OpenBlock("private static byte[] OpenBodyPack()");
        writer.Line("var stream = typeof(" + ContentStore.ClassName + ").Assembly.GetManifestResourceStream(\"ArticleGen.Bodies\")");
        writer.Line("    ?? throw new global::System.InvalidOperationException(\"ArticleGen: the assembly lacks the resource 'ArticleGen.Bodies' that holds the articles' bodies; the ArticleGen package's build targets embed it.\");");
        writer.Line("_bodyPack = stream;");
        writer.Line("var header = ReadBodyBytes(0, 12);");
        writer.OpenBlock("if (header[0] != (byte)'A' || header[1] != (byte)'G' || header[2] != (byte)'B' || header[3] != (byte)'2')");
        writer.Line("throw new global::System.InvalidOperationException(\"ArticleGen: the resource 'ArticleGen.Bodies' is not in the format this catalog reads. Rebuild the project.\");");
        writer.CloseBlock();
        writer.Line();
        writer.Line("_bodyIndex = ReadBodyBytes(0, Int32At(header, 8));");
        writer.Line("return _bodyIndex;");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("private static byte[] ReadBodyBytes(int offset, int length)");
        writer.Line("var bytes = new byte[length];");
        writer.Line("_bodyPack!.Position = offset;");
        writer.Line("var read = 0;");
        writer.OpenBlock("while (read < length)");
        writer.Line("var count = _bodyPack.Read(bytes, read, length - read);");
        writer.OpenBlock("if (count <= 0)");
        writer.Line("throw new global::System.IO.EndOfStreamException(\"ArticleGen: the resource 'ArticleGen.Bodies' ends early. Rebuild the project.\");");
        writer.CloseBlock();
        writer.Line();
        writer.Line("read += count;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return bytes;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("private static int Int32At(byte[] bytes, int at) => bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);");
    }

    /// <summary>Reads the tokens <see cref="StoreLayout"/> writes.</summary>
    /// <param name="writer">Where.</param>
    /// <param name="readsHtml">Whether a collection of the store renders HTML: only then does the reader keep the body and read HTML.</param>
    private static void WriteDataReader(SourceWriter writer, bool readsHtml)
    {
        writer.Line();
        writer.OpenBlock("private sealed class DataReader");
        writer.Line("private readonly byte[] _data;");
        writer.Line("private int _position;");
        writer.Line("private string _last = \"\";");
        if (readsHtml)
        {
            writer.Line("private string _body = \"\";");
        }

        writer.Line();
        writer.OpenBlock("internal DataReader(byte[] data, State? state = null)");
        writer.Line("_data = data;");
        writer.Line("State = state!;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>The state whose chunk is being read: its references are that state's entries.</summary>");
        writer.Line("internal State State { get; }");
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
        writer.Line("/// <summary>");
        writer.Line("/// A string token; '=' for the string token just before it (an entry's slug that is its id); '^', a start, ',' and a");
        writer.Line("/// length, ':' for part of it (an entry's id, part of its source path).");
        writer.Line("/// </summary>");
        writer.OpenBlock("internal string String()");
        writer.OpenBlock("if (_data[_position] == (byte)'=')");
        writer.Line("_position++;");
        writer.Line("return _last;");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock("if (_data[_position] == (byte)'^')");
        writer.Line("_position++;");
        writer.Line("var start = Digits();");
        writer.Line("_position++;");
        writer.Line("var partLength = Digits();");
        writer.Line("_position++;");
        writer.Line("_last = _last.Substring(start, partLength);");
        writer.Line("return _last;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("var length = Digits();");
        writer.OpenBlock("if (_data[_position++] == (byte)':')");
        writer.Line("_last = global::System.Text.Encoding.UTF8.GetString(_data, _position, length);");
        writer.Line("_position += length;");
        writer.Line("return _last;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("// UTF-16 code units in hexadecimal: a string with a lone surrogate, which UTF-8 cannot carry.");
        writer.Line("var units = new char[length];");
        writer.OpenBlock("for (var i = 0; i < length; i++)");
        writer.Line("units[i] = (char)int.Parse(global::System.Text.Encoding.ASCII.GetString(_data, _position, 4), global::System.Globalization.NumberStyles.AllowHexSpecifier, global::System.Globalization.CultureInfo.InvariantCulture);");
        writer.Line("_position += 4;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("_last = new string(units);");
        writer.Line("return _last;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("internal int Int32() => checked((int)Int64());");
        writer.Line();
        writer.OpenBlock("private int Digits()");
        writer.Line("var value = 0;");
        writer.OpenBlock("while (_data[_position] is >= (byte)'0' and <= (byte)'9')");
        writer.Line("value = (value * 10) + (_data[_position++] - '0');");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return value;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>A body: its text, or '@' and its name in the packed bodies (the resource ArticleGen.Bodies), '=' for the entry's source path.</summary>");
        writer.OpenBlock("internal string Body()");
        writer.Line("// The id after the body is part of the source path before it: the body leaves the string to refer to as it was.");
        writer.Line("var sourcePath = _last;");
        writer.Line("var packed = _data[_position] == (byte)'@';");
        writer.Line("_position += packed ? 1 : 0;");
        writer.Line("var body = packed ? BodyFromResource(String()) : String();");
        writer.Line("_last = sourcePath;");
        if (readsHtml)
        {
            writer.Line("_body = body;");
        }

        writer.Line("return body;");
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
        if (readsHtml)
        {
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// HTML rendered at build time: a count of parts, each a string token or '#', a start, ',' and a length, ':' for");
            writer.Line("/// the entry's body's own text (read just before), which the data does not hold twice.");
            writer.Line("/// </summary>");
            writer.OpenBlock("internal string Html()");
            writer.Line("var count = Int32();");
            writer.Line("var html = new global::System.Text.StringBuilder();");
            writer.OpenBlock("for (var i = 0; i < count; i++)");
            writer.OpenBlock("if (_data[_position] != (byte)'#')");
            writer.Line("html.Append(String());");
            writer.Line("continue;");
            writer.CloseBlock();
            writer.Line();
            writer.Line("_position++;");
            writer.Line("var start = Digits();");
            writer.Line("_position++;");
            writer.Line("var length = Digits();");
            writer.Line("_position++;");
            writer.Line("html.Append(_body, start, length);");
            writer.CloseBlock();
            writer.Line();
            writer.Line("return html.ToString();");
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }
}
