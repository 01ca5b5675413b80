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
    /// <summary>The runtime's feature switch: whether hot reload can update this process's assemblies.</summary>
    private const string HotReload = "global::System.Reflection.Metadata.MetadataUpdater.IsSupported";

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
        writer.Line("// UTF-8 tokens (a string is its byte count, ':' and its bytes; a number its text; '~' null), compressed and packed");
        writer.Line("// two bytes to a character in string literals (u8 literals past the project's string budget), one chunk of 128");
        writer.Line("// entries per file. The New… and Read… methods below read an entry back the first time it is used. The format is");
        writer.Line("// described in ArticleGen's docs/generated-code.md.");
        writer.Line();
        if (store.Owner.HasMetadataUpdateHandler)
        {
            // Hot reload (dotnet watch, an IDE's Apply Code Changes) replaces the data's code, never a static field: the
            // runtime calls the store's ClearCache after every update, and the next use reads the new data.
            writer.Line("[assembly: global::System.Reflection.Metadata.MetadataUpdateHandler(typeof(" + store.Owner.TypeName + "." + ContentStore.ClassName + "))]");
            writer.Line();
        }

        CatalogEmitter.OpenTypeDeclaration(writer, store.Owner);

        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line(CatalogEmitter.GeneratedCodeAttribute);
        writer.OpenBlock("internal static partial class " + ContentStore.ClassName);
        // Numbers that change as articles come and go are properties, not constants or field initializers: hot reload
        // applies a changed method body, but restarts the app for a changed constant or initializer (ENC0118).
        writer.Line("private static int ChunkCount => " + CSharpText.Int(store.ChunkCount) + ";");
        writer.Line();
        writer.Line("private static int ChunkDigits => " + CSharpText.Int(StoreLayout.ChunkDigits(store.ChunkCount)) + ";");
        for (var slot = 0; slot < store.Schemas.Count; slot++)
        {
            writer.Line();
            writer.Line("private static int Count" + CSharpText.Int(slot) + " => " + CSharpText.Int(store.Entries[slot].Count) + ";");
        }
        writer.Line();
        WriteState(writer, store);
        var reloadable = store.Owner.HasMetadataUpdateHandler;
        // Where the runtime can apply updates, the replaceable state; elsewhere the fixed one. Outside hot reload the
        // runtime's feature switch is a constant false and the JIT drops the branch: the fixed path is static readonly
        // fields, which it reads as constants, and costs what the store cost before it could be cleared.
        string Either(string replaceable, string @fixed) => reloadable ? HotReload + " ? " + replaceable + " : " + @fixed : @fixed;
        var digits = StoreLayout.ChunkDigits(store.ChunkCount);
        for (var slot = 0; slot < store.Schemas.Count; slot++)
        {
            var type = store.Schemas[slot].TypeName;
            var s = CSharpText.Int(slot);
            writer.Line();
            writer.Line("/// <summary>Each entry's chunk" + (store.ByPathHash ? ", each chunk's entries" : "") + " and each entry by its slug, read on first use, outside hot reload.</summary>");
            writer.OpenBlock("private static class FixedDirectory" + s);
            writer.Line("internal static readonly int[] Chunks = ReadChunks(ChunkData" + s + "(), ChunkDigits);");
            if (store.ByPathHash)
            {
                writer.Line();
                writer.Line("internal static readonly int[][] Members = MembersOf(Chunks);");
            }

            writer.Line();
            writer.Line("/// <summary>A class of its own, so that a listing or a reference never decodes every slug.</summary>");
            writer.OpenBlock("internal static class Slugs");
            writer.Line("internal static readonly global::System.Collections.Generic.Dictionary<string, int> Index = ReadSlugs(SlugData" + s + "());");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.Line();
            // Each member that a lookup runs is a line: the JIT inlines by the size of a method before it drops a branch.
            writer.Line("internal static EntryList<" + type + "> All" + s + " => " + Either("Replaceable.All" + s, "Fixed.State.All" + s) + ";");
            writer.Line();
            writer.Line("internal static " + type + " Entry" + s + "(int index) => "
                + Either("EntryOf" + s + "(Replaceable, index)", "global::System.Threading.Volatile.Read(ref Fixed.Items" + s + "[index]) ?? Load" + s + "(Fixed.State, index)") + ";");
            writer.Line();
            writer.Line("/// <summary>An entry of <paramref name=\"state\"/>, read from its chunk when first needed.</summary>");
            writer.Line("private static " + type + " EntryOf" + s + "(State state, int index) => global::System.Threading.Volatile.Read(ref state.Items" + s + "[index]) ?? Load" + s + "(state, index);");
            writer.Line();
            writer.OpenBlock("private static " + type + " Load" + s + "(State state, int index)");
            writer.Line("Load(state, Chunks" + s + "(state)[index]);");
            writer.Line("return global::System.Threading.Volatile.Read(ref state.Items" + s + "[index])!;");
            writer.CloseBlock();
            writer.Line();
            writer.Line("private static int[] Chunks" + s + "(State state) => " + Either("ReplaceableChunks" + s + "(state)", "FixedDirectory" + s + ".Chunks") + ";");
            writer.Line();
            writer.Line("/// <summary>Each entry by its slug, read on the first lookup by slug.</summary>");
            writer.Line("internal static global::System.Collections.Generic.Dictionary<string, int> Slugs" + s + " => " + Either("ReplaceableSlugs" + s + "(Replaceable)", "FixedDirectory" + s + ".Slugs.Index") + ";");
            if (store.ByPathHash)
            {
                writer.Line();
                writer.Line("/// <summary>Each chunk's entries, in path order: a chunk's data and properties name entries by their place in it.</summary>");
                writer.Line("private static int[][] Members" + s + "(State state) => " + Either("ReplaceableMembers" + s + "(state)", "FixedDirectory" + s + ".Members") + ";");
                writer.Line();
                writer.Line("private static int[][] CurrentMembers" + s + " => " + Either("ReplaceableMembers" + s + "(Replaceable)", "FixedDirectory" + s + ".Members") + ";");
            }

            if (reloadable)
            {
                writer.Line();
                writer.Line("private static int[] ReplaceableChunks" + s + "(State state) => global::System.Threading.Volatile.Read(ref state.Chunks" + s + ") ?? Publish(ref state.Chunks" + s + ", ReadChunks(ChunkData" + s + "(), ChunkDigits));");
                writer.Line();
                writer.Line("private static global::System.Collections.Generic.Dictionary<string, int> ReplaceableSlugs" + s + "(State state) => global::System.Threading.Volatile.Read(ref state.Slugs" + s + ") ?? Publish(ref state.Slugs" + s + ", ReadSlugs(SlugData" + s + "()));");
                if (store.ByPathHash)
                {
                    writer.Line();
                    writer.Line("private static int[][] ReplaceableMembers" + s + "(State state) => global::System.Threading.Volatile.Read(ref state.Members" + s + ") ?? Publish(ref state.Members" + s + ", MembersOf(Chunks" + s + "(state)));");
                }
            }

            writer.Line();
            foreach (var (name, data) in new[] { ("ChunkData" + s, StoreLayout.WriteChunkDirectory(store.Entries[slot], digits)), ("SlugData" + s, StoreLayout.WriteSlugDirectory(store.Entries[slot])) })
            {
                directoryAllowance -= DataLiteral.WriteMethod(writer, name, data, data.Length, directoryAllowance, hasUtf8Literals);
            }
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
        writer.Line();
        writer.Line("/// <summary>An entry of <paramref name=\"state\"/>, in the collection of <paramref name=\"slot\"/>.</summary>");
        writer.OpenBlock("internal static object EntryIn(State state, int slot, int index)");
        writer.OpenBlock("switch (slot)");
        for (var slot = 0; slot < store.Schemas.Count; slot++)
        {
            writer.Line("case " + CSharpText.Int(slot) + ": return EntryOf" + CSharpText.Int(slot) + "(state, index);");
        }

        writer.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(slot));");
        writer.CloseBlock();
        writer.CloseBlock();

        if (store.ByPathHash)
        {
            var type = store.Schemas[0].TypeName;
            writer.Line();
            writer.Line("/// <summary>The entry at <paramref name=\"place\"/> among the entries of <paramref name=\"chunk\"/>.</summary>");
            writer.Line("internal static " + type + " Member(int chunk, int place) => Entry0(CurrentMembers0[chunk][place]);");
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
        writer.OpenBlock("private static void Load(State state, int chunk)");
        writer.OpenBlock("lock (state.Locks[chunk])");
        writer.OpenBlock("if (state.Loaded[chunk])");
        writer.Line("return;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("var r = new DataReader(Chunk(chunk), state);");
        if (store.ByPathHash)
        {
            writer.Line("var members = Members0(state)[chunk];");
            writer.Line("var entries = new " + ArrayOfEntries(store.Schemas[0].TypeName) + ";");
            writer.OpenBlock("for (var place = 0; place < entries.Length; place++)");
            writer.Line("entries[place] = " + layout.ReadEntry(0) + ";");
            writer.CloseBlock();
            writer.Line();
            writer.Line("// Published once every entry of the chunk is read: a failure leaves none half-loaded.");
            writer.OpenBlock("for (var place = 0; place < entries.Length; place++)");
            writer.Line("global::System.Threading.Volatile.Write(ref state.Items0[members[place]], entries[place]);");
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
                writer.Line("case " + s + ": global::System.Threading.Volatile.Write(ref state.Items" + s + "[index], " + layout.ReadEntry(slot) + "); break;");
            }

            writer.Line("default: throw new global::System.InvalidOperationException(\"ArticleGen's catalog data is corrupt.\");");
            writer.CloseBlock();
            writer.CloseBlock();
        }

        writer.Line();
        writer.Line("state.Loaded[chunk] = true;");
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
        WriteLists(writer, store.Owner.HasMetadataUpdateHandler);
        DataLiteral.WriteHelpers(writer, store.Owner.HasUtf8Literals);
        WriteBodyReader(writer);
        WriteDataReader(writer, readsHtml: store.Schemas.Any(s => s.BodyMembers.AsImmutableArray().Any(m => m.Type.Kind == Schema.ValueKind.Html)));
        writer.CloseBlock();
        CatalogEmitter.CloseTypeDeclaration(writer, store.Owner);
        return writer.ToString();
    }
}
