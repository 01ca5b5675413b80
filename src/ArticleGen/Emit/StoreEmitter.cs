using System.Linq;
using ArticleGen.Model;

namespace ArticleGen.Emit;

/// <summary>
/// Writes a <see cref="ContentStore"/>: a class nested in its owner type whose static constructor builds every
/// entry of the store's collections, in chunks of <see cref="EntriesPerMethod"/> so that no method is huge, in an
/// order where every eager reference already exists. The runtime runs a static constructor once, blocking other
/// threads until it is done, so an entry is never seen half-built and no reference is ever null.
/// </summary>
internal static class StoreEmitter
{
    public const int EntriesPerMethod = 64;

    public static string HintName(ContentStore store) => CatalogEmitter.HintName(store.Owner).Replace(".g.cs", ".Store.g.cs");

    public static string Emit(ContentStore store)
    {
        var writer = new SourceWriter();
        CatalogEmitter.OpenTypeDeclaration(writer, store.Owner);

        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line(CatalogEmitter.GeneratedCodeAttribute);
        writer.OpenBlock("internal static class " + ContentStore.ClassName);
        foreach (var catalog in store.Catalogs)
        {
            var type = catalog.Schema.TypeName;
            writer.Line("internal static readonly " + type + "[] Items" + Slot(catalog) + " = new " + type + "[" + ValueEmitter.Int(catalog.Entries.Count) + "];");
            writer.Line();
            writer.Line("internal static readonly global::System.Collections.ObjectModel.ReadOnlyCollection<" + type + "> All" + Slot(catalog)
                + " = new global::System.Collections.ObjectModel.ReadOnlyCollection<" + type + ">(Items" + Slot(catalog) + ");");
            writer.Line();
        }

        var chunks = (store.ConstructionOrder.Count + EntriesPerMethod - 1) / EntriesPerMethod;
        writer.OpenBlock("static " + ContentStore.ClassName + "()");
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            writer.Line("Build" + ValueEmitter.Int(chunk) + "();");
        }

        writer.CloseBlock();

        for (var chunk = 0; chunk < chunks; chunk++)
        {
            writer.Line();
            writer.OpenBlock("private static void Build" + ValueEmitter.Int(chunk) + "()");
            foreach (var position in store.ConstructionOrder.Skip(chunk * EntriesPerMethod).Take(EntriesPerMethod))
            {
                var catalog = store.Catalogs[position.Slot];
                var entry = catalog.Entries[position.Index];
                ValueEmitter.Write(writer, "Items" + Slot(catalog) + "[" + ValueEmitter.Int(position.Index) + "] = ", CatalogEmitter.EntryValue(entry), ";");
            }

            writer.CloseBlock();
        }

        if (HasReferenceLists(store))
        {
            WriteReferenceList(writer, store);
        }

        writer.CloseBlock();
        CatalogEmitter.CloseTypeDeclaration(writer, store.Owner);
        return writer.ToString();
    }

    private static string Slot(Catalog catalog) => ValueEmitter.Int(catalog.Slot);

    private static bool HasReferenceLists(ContentStore store) =>
        store.Catalogs.SelectMany(c => c.Entries).Any(e => ValueEmitter.Contains<ReferenceListValue>(e.Value));

    /// <summary>The entry at a position, for <c>ReferenceList</c>, which finds its entries only when read.</summary>
    private static void WriteReferenceList(SourceWriter writer, ContentStore store)
    {
        writer.Line();
        writer.OpenBlock("private static object Entry(int slot, int index)");
        writer.OpenBlock("switch (slot)");
        foreach (var catalog in store.Catalogs)
        {
            writer.Line("case " + Slot(catalog) + ": return Items" + Slot(catalog) + "[index];");
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
}
