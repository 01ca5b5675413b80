using System.Collections.Generic;
using System.Linq;
using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Schema;

namespace ArticleGen.Model;

/// <summary>A collection's own file: <c>All</c>, <c>Count</c>, <c>Get</c>, <c>TryGet</c> and the instance members. It changes only when the entry count does.</summary>
internal sealed record CatalogFile(CollectionSchema Owner, CollectionSchema Schema, int Slot, int Count);

/// <summary>
/// A store's own file: the readers, the lazy loading, and per collection the slug and the chunk of every entry. It
/// changes when an entry is added, removed or renamed, or starts using an object shape no other entry uses; an edit
/// to an entry's values leaves it as it was.
/// </summary>
/// <param name="Schemas">The store's collections, by slot.</param>
/// <param name="Entries">Per slot, each entry's slug and chunk, in index order.</param>
/// <param name="Shapes">Every object shape the entries use, ordered.</param>
/// <param name="DirectoryAllowance">How many bytes of the directories may go in string literals, all of them together.</param>
/// <param name="ByPathHash">The chunks are <see cref="CatalogFiles.ByPathHash"/>'s: the store reads each chunk's members from its directory.</param>
internal sealed record StoreFile(
    CollectionSchema Owner,
    EquatableArray<CollectionSchema> Schemas,
    EquatableArray<EquatableArray<SlugAndChunk>> Entries,
    int ChunkCount,
    EquatableArray<ShapeKey> Shapes,
    int DirectoryAllowance,
    bool ByPathHash = false);

/// <summary>An entry's slug and chunk: a value, not an object, since the directory holds one per entry.</summary>
internal readonly record struct SlugAndChunk(string Slug, int Chunk);

/// <summary>
/// A run of consecutive entries in the store's construction order, written as one file: their data and their
/// static properties. An edit to one article rewrites its chunk alone; the generator driver keeps every other
/// chunk's output, since its model compares equal.
/// </summary>
/// <param name="Number">The chunk's place in the construction order.</param>
/// <param name="PackedAllowance">How many bytes of the data may go in a string literal (the rest in <c>u8</c> literals): an equal share of the assembly's string heap budget.</param>
/// <param name="ByPathHash">
/// The entries are those whose path hashes to this chunk (<see cref="CatalogFiles.ByPathHash"/>), in path order: the data
/// holds no entry's index, and a property names its entry by its place in the chunk, so adding or removing another
/// article elsewhere leaves this file as it was.
/// </param>
internal sealed record ChunkFile(
    CollectionSchema Owner,
    EquatableArray<CollectionSchema> Schemas,
    int Number,
    EquatableArray<ChunkEntry> Entries,
    int PackedAllowance,
    bool ByPathHash = false);

/// <summary>An entry in its chunk: its position, its property's name, its values with references resolved.</summary>
/// <param name="Index">The entry's index in its collection's <c>All</c>; not written in a chunk by path hash, where it moves as articles come and go.</param>
internal sealed record ChunkEntry(int Slot, int Index, string MemberName, BoundArticle Article, ObjectValue Value)
{
    /// <summary>The entry's place among its chunk's entries.</summary>
    public int PlaceInChunk { get; init; }

    // What the written data and code depend on: not the index in a chunk by path hash. A packed body is not in the
    // article at all (the parse keeps none), so an edit to a body alone leaves its chunk's file as it was; an
    // unchanged article is the same instance, which compares at once.
    public bool Equals(ChunkEntry? other) =>
        other is not null && Slot == other.Slot && MemberName == other.MemberName && PlaceInChunk == other.PlaceInChunk
        && IndexIsWritten == other.IndexIsWritten && (!IndexIsWritten || Index == other.Index)
        && Value.Equals(other.Value)
        && Article.Equals(other.Article);

    public override int GetHashCode() => unchecked((((Slot * 397) ^ PlaceInChunk) * 397) ^ MemberName.GetHashCode());

    /// <summary>Whether the data and code hold <see cref="Index"/> (chunks in construction order, for stores with references).</summary>
    public bool IndexIsWritten { get; init; } = true;
}

/// <summary>Splits stores into the files the generator writes.</summary>
internal static class CatalogFiles
{
    /// <summary>
    /// Entries per chunk: small enough that an edit rewrites little and a first lookup reads little, large enough
    /// that a 50,000-article project has a few hundred files, not tens of thousands.
    /// </summary>
    public const int ChunkSize = 128;

    /// <summary>
    /// Splits <paramref name="stores"/> into files. Data in string literals compiles far faster than in <c>u8</c>
    /// literals but shares the assembly's 16 MB user-string heap (CS8103) with the project's own strings, so every
    /// chunk gets an equal share of <paramref name="stringDataBudget"/>: the share stays put when one article changes.
    /// </summary>
    public static (EquatableArray<CatalogFile> Catalogs, EquatableArray<StoreFile> Stores, EquatableArray<ChunkFile> Chunks) Split(
        IReadOnlyList<ContentStore> stores, IEnumerable<BoundArticle> articles, int stringDataBudget)
    {
        var shapesByType = new Dictionary<string, HashSet<ShapeKey>>(System.StringComparer.Ordinal);
        EquatableArray<ShapeKey> previous = default;
        foreach (var article in articles)
        {
            // Neighbouring articles of a collection nearly always take the same shapes: one comparison instead of
            // hashing their strings again (this runs after every edit, over every article).
            if (!article.IsIncluded || article.Shapes.Equals(previous))
            {
                continue;
            }

            previous = article.Shapes;
            foreach (var shape in article.Shapes)
            {
                if (!shapesByType.TryGetValue(shape.TypeName, out var set))
                {
                    shapesByType.Add(shape.TypeName, set = []);
                }

                set.Add(shape);
            }
        }

        // The directories (a slug and a chunk number per entry) are small and read on every first lookup: they go
        // in strings first, up to a quarter of the budget; the chunks share what is left equally.
        var budget = System.Math.Max(0, stringDataBudget);
        var directorySizes = stores.Select(DirectorySize).ToList();
        var directoryBytes = directorySizes.Sum();
        var directoryShare = System.Math.Min(directoryBytes, budget / 4);
        var totalChunks = stores.Sum(ChunksOf);
        // Rounded down to 4 KiB, so that the share, which every chunk's file depends on, stays put as articles come and go.
        var share = totalChunks == 0 ? 0 : (int)((budget - directoryShare) / totalChunks);
        var allowance = share >= 4096 ? share / 4096 * 4096 : share;
        var catalogFiles = new List<CatalogFile>();
        var storeFiles = new List<StoreFile>();
        var chunkFiles = new List<ChunkFile>(totalChunks);
        for (var storeNumber = 0; storeNumber < stores.Count; storeNumber++)
        {
            var store = stores[storeNumber];
            var schemas = store.Catalogs.Select(c => c.Schema).ToEquatableArray();
            var chunkOf = store.Catalogs.Select(c => new int[c.Entries.Count]).ToArray();
            var byPathHash = ByPathHash(store);
            var chunkCount = ChunksOf(store);
            if (byPathHash)
            {
                var catalog = store.Catalogs[0];
                var perChunk = catalog.Entries.Count / chunkCount + ChunkSize / 4;
                var members = Enumerable.Range(0, chunkCount).Select(_ => new List<ChunkEntry>(perChunk)).ToArray();
                for (var index = 0; index < catalog.Entries.Count; index++)
                {
                    var entry = catalog.Entries[index];
                    var chunk = (int)(entry.Article.PathHash & (uint)(chunkCount - 1));
                    chunkOf[0][index] = chunk;
                    members[chunk].Add(new ChunkEntry(0, index, entry.MemberName, entry.Article, entry.Value) { PlaceInChunk = members[chunk].Count, IndexIsWritten = false });
                }

                for (var chunk = 0; chunk < chunkCount; chunk++)
                {
                    chunkFiles.Add(new ChunkFile(store.Owner, schemas, chunk, members[chunk].ToEquatableArray(), allowance, ByPathHash: true));
                }
            }
            else
            {
                for (var chunk = 0; chunk < chunkCount; chunk++)
                {
                    var entries = new List<ChunkEntry>();
                    for (var at = chunk * ChunkSize; at < System.Math.Min(store.ConstructionOrder.Count, (chunk + 1) * ChunkSize); at++)
                    {
                        var position = store.ConstructionOrder[at];
                        var entry = store.Catalogs[position.Slot].Entries[position.Index];
                        chunkOf[position.Slot][position.Index] = chunk;
                        entries.Add(new ChunkEntry(position.Slot, position.Index, entry.MemberName, entry.Article, entry.Value) { PlaceInChunk = entries.Count });
                    }

                    chunkFiles.Add(new ChunkFile(store.Owner, schemas, chunk, entries.ToEquatableArray(), allowance));
                }
            }

            var typeNames = schemas.SelectMany(s => new[] { s.Root }.Concat(s.NestedTypes)).Select(o => o.TypeName).Distinct().ToList();
            var shapes = typeNames
                .SelectMany(t => shapesByType.TryGetValue(t, out var set) ? set : Enumerable.Empty<ShapeKey>())
                .OrderBy(s => s.TypeName, System.StringComparer.Ordinal).ThenBy(s => s.Mask, System.StringComparer.Ordinal)
                .ToEquatableArray();
            var slugs = store.Catalogs
                .Select(c => c.Entries.Select((e, i) => new SlugAndChunk(e.Article.Slug, chunkOf[c.Slot][i])).ToEquatableArray())
                .ToEquatableArray();
            var directoryAllowance = directoryBytes == 0 ? 0 : (int)(directorySizes[storeNumber] * directoryShare / directoryBytes);
            storeFiles.Add(new StoreFile(store.Owner, schemas, slugs, chunkCount, shapes, directoryAllowance, byPathHash));
            catalogFiles.AddRange(store.Catalogs.Select(c => new CatalogFile(store.Owner, c.Schema, c.Slot, c.Entries.Count)));
        }

        return (catalogFiles.ToEquatableArray(), storeFiles.ToEquatableArray(), chunkFiles.ToEquatableArray());
    }

    private static int ChunksOf(ContentStore store) =>
        ByPathHash(store) ? PowerOfTwoChunks(store.Catalogs[0].Entries.Count) : (store.ConstructionOrder.Count + ChunkSize - 1) / ChunkSize;

    /// <summary>
    /// Chunks by path hash: a store of one collection without references (most sites) puts each entry in the chunk its
    /// source path hashes to, among a power of two of chunks (about <see cref="ChunkSize"/> entries each, on average).
    /// Adding or removing an article then rewrites its own chunk and the store's directory, not every chunk after it,
    /// until the count crosses a power of two and every entry moves once. Stores with references keep the construction
    /// order, in which an entry's eager references are built before it.
    /// </summary>
    public static bool ByPathHash(ContentStore store) => ByPathHash(store.Catalogs);

    /// <inheritdoc cref="ByPathHash(ContentStore)"/>
    public static bool ByPathHash(IReadOnlyList<Catalog> catalogs) => catalogs.Count == 1 && !HasReferences(catalogs[0].Schema);

    private static int PowerOfTwoChunks(int entries)
    {
        var chunks = 1;
        while ((long)chunks * ChunkSize < entries)
        {
            chunks <<= 1;
        }

        return chunks;
    }

    /// <summary>FNV-1a over the path's UTF-16 code units: the same on every machine and run (string.GetHashCode is not).</summary>
    internal static uint PathHash(string path)
    {
        var hash = 2166136261u;
        foreach (var c in path)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    private static bool HasReferences(CollectionSchema schema)
    {
        static bool Refers(FieldType type) => type.Kind == ValueKind.Reference || (type.Element is { } element && Refers(element));
        return new[] { schema.Root }.Concat(schema.NestedTypes).SelectMany(o => o.Properties).Any(p => Refers(p.Type));
    }

    /// <summary>At least the bytes of a store's directories: each slug's UTF-8 and two tokens' headers.</summary>
    private static long DirectorySize(ContentStore store)
    {
        // A loop, not LINQ over the entries: this runs over every entry whenever an article is added or removed.
        var size = 0L;
        foreach (var catalog in store.Catalogs)
        {
            size += 16L;
            foreach (var entry in catalog.Entries.AsImmutableArray())
            {
                size += System.Text.Encoding.UTF8.GetByteCount(entry.Article.Slug) + 24L;
            }
        }

        return size;
    }
}
