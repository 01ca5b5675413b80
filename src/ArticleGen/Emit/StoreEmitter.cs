using System.Linq;
using ArticleGen.Model;

namespace ArticleGen.Emit;

/// <summary>
/// Writes a store's own file (<see cref="StoreFile"/>): a class nested in its owner type that holds every entry of
/// the store's collections and reads them from the chunks' data when first needed, a chunk at a time.
/// </summary>
/// <remarks>
/// Loading is lazy and thread-safe without a static constructor doing all the work: an entry is published (with a
/// volatile write) only once it is fully built, and a chunk is read under its own lock. An entry's eager references
/// name entries earlier in the construction order, so reading a chunk only ever waits for an earlier chunk: no
/// deadlock, no entry seen half-built, no reference null, whichever collection is touched first and from however
/// many threads.
/// </remarks>
internal static partial class StoreEmitter
{
    public static string HintName(StoreFile store) => CatalogEmitter.HintName(store.Owner).Replace(".g.cs", ".Store.g.cs");

    /// <summary>The collections of the store, as a comment names them (<c>Course, Video</c>).</summary>
    internal static string StoreTypeNames(StoreFile store) => string.Join(", ", store.Schemas.Select(s => s.Name));

    public static string Emit(StoreFile store)
    {
        var layout = new StoreLayout(store.Schemas);
        var hasUtf8Literals = store.Owner.HasUtf8Literals;
        var directoryAllowance = store.DirectoryAllowance;
        var writer = new SourceWriter();
        CatalogEmitter.WriteHeader(writer);
        writer.Line("// ArticleGen's content store for " + StoreTypeNames(store) + ". The articles' values travel as data, not code:");
        writer.Line("// UTF-8 tokens (a string is its byte count, ':' and its bytes; a number its text; '~' null), packed two bytes to");
        writer.Line("// a character in string literals (u8 literals past the project's string budget), one chunk of 128 entries per");
        writer.Line("// file. The New… and Read… methods below read an entry back the first time it is used. The format is described");
        writer.Line("// in ArticleGen's docs/generated-code.md.");
        writer.Line();
        CatalogEmitter.OpenTypeDeclaration(writer, store.Owner);

        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line(CatalogEmitter.GeneratedCodeAttribute);
        writer.OpenBlock("internal static partial class " + ContentStore.ClassName);
        writer.Line("private const int ChunkCount = " + CSharpText.Int(store.ChunkCount) + ";");
        writer.Line();
        writer.Line("/// <summary>A lock per chunk: the chunk's entries are read once, by one thread.</summary>");
        writer.Line("private static readonly object[] Locks = NewLocks();");
        writer.Line();
        writer.Line("private static readonly bool[] Loaded = new bool[ChunkCount];");
        for (var slot = 0; slot < store.Schemas.Count; slot++)
        {
            var type = store.Schemas[slot].TypeName;
            var s = CSharpText.Int(slot);
            var count = CSharpText.Int(store.Entries[slot].Count);
            writer.Line();
            writer.Line("internal static readonly " + type + "?[] Items" + s + " = new " + type + "?[" + count + "];");
            writer.Line();
            writer.Line("internal static readonly EntryList<" + type + "> All" + s + " = new EntryList<" + type + ">(" + s + ", " + count + ");");
            writer.Line();
            writer.Line("internal static " + type + " Entry" + s + "(int index) => global::System.Threading.Volatile.Read(ref Items" + s + "[index]) ?? Load" + s + "(index);");
            writer.Line();
            writer.OpenBlock("private static " + type + " Load" + s + "(int index)");
            writer.Line("Load(Directory" + s + ".Chunks[index]);");
            writer.Line("return global::System.Threading.Volatile.Read(ref Items" + s + "[index])!;");
            writer.CloseBlock();
            writer.Line();
            var digits = StoreLayout.ChunkDigits(store.ChunkCount);
            writer.Line("/// <summary>Each entry's chunk, read on first use (the runtime runs a static constructor once).</summary>");
            writer.OpenBlock("internal static class Directory" + s);
            writer.Line("internal static readonly int[] Chunks = ReadChunks(ChunkData(), " + CSharpText.Int(digits) + ");");
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// Each entry by its slug, read on the first lookup by slug: a class of its own, so that a listing or a reference");
            writer.Line("/// never decodes every slug.");
            writer.Line("/// </summary>");
            writer.OpenBlock("internal static class Slugs");
            writer.Line("internal static readonly global::System.Collections.Generic.Dictionary<string, int> Index = ReadSlugs(SlugData());");
            writer.CloseBlock();
            writer.Line();
            if (store.ByPathHash)
            {
                writer.Line("/// <summary>Each chunk's entries, in path order: a chunk's data and properties name entries by their place in it.</summary>");
                writer.Line("internal static readonly int[][] Members = MembersOf(Chunks);");
                writer.Line();
            }

            foreach (var (name, data) in new[] { ("ChunkData", StoreLayout.WriteChunkDirectory(store.Entries[slot], digits)), ("SlugData", StoreLayout.WriteSlugDirectory(store.Entries[slot])) })
            {
                if (name == "SlugData")
                {
                    writer.Line();
                }

                directoryAllowance -= DataLiteral.WriteMethod(writer, name, data, data.Length, directoryAllowance, hasUtf8Literals);
            }

            writer.CloseBlock();
        }

        writer.Line();
        writer.OpenBlock("internal static object Entry(int slot, int index)");
        writer.OpenBlock("switch (slot)");
        for (var slot = 0; slot < store.Schemas.Count; slot++)
        {
            writer.Line("case " + CSharpText.Int(slot) + ": return Entry" + CSharpText.Int(slot) + "(index);");
        }

        writer.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(slot));");
        writer.CloseBlock();
        writer.CloseBlock();

        if (store.ByPathHash)
        {
            var type = store.Schemas[0].TypeName;
            writer.Line();
            writer.Line("/// <summary>The entry at <paramref name=\"place\"/> among the entries of <paramref name=\"chunk\"/>.</summary>");
            writer.Line("internal static " + type + " Member(int chunk, int place) => Entry0(Directory0.Members[chunk][place]);");
            writer.Line();
            writer.OpenBlock("private static int[][] MembersOf(int[] chunks)");
            writer.Line("var counts = new int[ChunkCount];");
            writer.OpenBlock("foreach (var chunk in chunks)");
            writer.Line("counts[chunk]++;");
            writer.CloseBlock();
            writer.Line();
            writer.Line("var members = new int[ChunkCount][];");
            writer.OpenBlock("for (var chunk = 0; chunk < members.Length; chunk++)");
            writer.Line("members[chunk] = new int[counts[chunk]];");
            writer.Line("counts[chunk] = 0;");
            writer.CloseBlock();
            writer.Line();
            writer.OpenBlock("for (var index = 0; index < chunks.Length; index++)");
            writer.Line("members[chunks[index]][counts[chunks[index]]++] = index;");
            writer.CloseBlock();
            writer.Line();
            writer.Line("return members;");
            writer.CloseBlock();
        }

        writer.Line();
        writer.OpenBlock("private static void Load(int chunk)");
        writer.OpenBlock("lock (Locks[chunk])");
        writer.OpenBlock("if (Loaded[chunk])");
        writer.Line("return;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("var r = new DataReader(Chunk(chunk));");
        if (store.ByPathHash)
        {
            writer.Line("var members = Directory0.Members[chunk];");
            writer.Line("var entries = new " + ArrayOfEntries(store.Schemas[0].TypeName) + ";");
            writer.OpenBlock("for (var place = 0; place < entries.Length; place++)");
            writer.Line("entries[place] = " + layout.ReadEntry(0) + ";");
            writer.CloseBlock();
            writer.Line();
            writer.Line("// Published once every entry of the chunk is read: a failure leaves none half-loaded.");
            writer.OpenBlock("for (var place = 0; place < entries.Length; place++)");
            writer.Line("global::System.Threading.Volatile.Write(ref Items0[members[place]], entries[place]);");
            writer.CloseBlock();
        }
        else
        {
            // In construction order, each entry is published as it is read: a later one may name it.
            writer.OpenBlock("for (var count = r.Int32(); count > 0; count--)");
            writer.Line("var slot = r.Int32();");
            writer.Line("var index = r.Int32();");
            writer.OpenBlock("switch (slot)");
            for (var slot = 0; slot < store.Schemas.Count; slot++)
            {
                var s = CSharpText.Int(slot);
                writer.Line("case " + s + ": global::System.Threading.Volatile.Write(ref Items" + s + "[index], " + layout.ReadEntry(slot) + "); break;");
            }

            writer.Line("default: throw new global::System.InvalidOperationException(\"ArticleGen's catalog data is corrupt.\");");
            writer.CloseBlock();
            writer.CloseBlock();
        }

        writer.Line();
        writer.Line("Loaded[chunk] = true;");
        writer.CloseBlock();
        writer.CloseBlock();

        WriteChunkSwitch(writer, store);
        return FinishStore(writer, store, layout);
    }

    /// <summary>An array for a chunk's entries, its length read from the chunk's data.</summary>
    private static string ArrayOfEntries(string typeName) => typeName + "[r.Int32()]";

    private static void WriteChunkSwitch(SourceWriter writer, StoreFile store)
    {
        writer.Line();
        writer.OpenBlock("private static byte[] Chunk(int chunk)");
        writer.OpenBlock("switch (chunk)");
        for (var chunk = 0; chunk < store.ChunkCount; chunk++)
        {
            writer.Line("case " + CSharpText.Int(chunk) + ": return " + ChunkEmitter.MethodName(chunk) + "();");
        }

        writer.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(chunk));");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>What every store has after its loading code: the helpers, the readers, the lists and the data reader.</summary>
    private static string FinishStore(SourceWriter writer, StoreFile store, StoreLayout layout)
    {
        writer.Line();
        writer.OpenBlock("private static object[] NewLocks()");
        writer.Line("var locks = new object[ChunkCount];");
        writer.OpenBlock("for (var i = 0; i < locks.Length; i++)");
        writer.Line("locks[i] = new object();");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return locks;");
        writer.CloseBlock();

        writer.Line();
        writer.Line("/// <summary>Each entry's chunk: <paramref name=\"digits\"/> lower-case hexadecimal digits per entry.</summary>");
        writer.OpenBlock("private static int[] ReadChunks(byte[] data, int digits)");
        writer.Line("var chunks = new int[data.Length / digits];");
        writer.OpenBlock("for (var i = 0; i < chunks.Length; i++)");
        writer.Line("var chunk = 0;");
        writer.OpenBlock("for (var at = i * digits; at < (i + 1) * digits; at++)");
        writer.Line("chunk = (chunk << 4) | (data[at] <= (byte)'9' ? data[at] - '0' : data[at] - 'a' + 10);");
        writer.CloseBlock();
        writer.Line();
        writer.Line("chunks[i] = chunk;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return chunks;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>A collection's slugs: the count, then each entry's slug.</summary>");
        writer.OpenBlock("private static global::System.Collections.Generic.Dictionary<string, int> ReadSlugs(byte[] data)");
        writer.Line("var r = new DataReader(data);");
        writer.Line("var count = r.Int32();");
        writer.Line("var index = new global::System.Collections.Generic.Dictionary<string, int>(count, global::System.StringComparer.Ordinal);");
        writer.OpenBlock("for (var i = 0; i < count; i++)");
        writer.Line("index.Add(r.String(), i);");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return index;");
        writer.CloseBlock();

        layout.WriteReaders(writer, store.Shapes);
        WriteLists(writer);
        DataLiteral.WriteHelpers(writer, store.Owner.HasUtf8Literals);
        WriteBodyReader(writer);
        WriteDataReader(writer);
        writer.CloseBlock();
        CatalogEmitter.CloseTypeDeclaration(writer, store.Owner);
        return writer.ToString();
    }
}
