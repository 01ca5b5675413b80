using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Diagnostics;
using ArticleGen.Schema;

namespace ArticleGen.Model;

/// <summary>An entry of a catalog: its article, its values with references resolved, and its static property's name.</summary>
internal sealed record CatalogEntry(string MemberName, BoundArticle Article, ObjectValue Value);

/// <summary>One collection type's entries, ordered by source path, with slugs unique and member names assigned.</summary>
/// <param name="Slot">The collection's place in its <see cref="ContentStore"/>: its entries are the store's <c>Items{Slot}</c>.</param>
internal sealed record Catalog(CollectionSchema Schema, int Slot, EquatableArray<CatalogEntry> Entries);

/// <summary>An entry's place in its store: the collection's slot and the entry's index in that collection's <c>All</c>.</summary>
internal sealed record EntryPosition(int Slot, int Index);

/// <summary>
/// The entries of collection types that refer to each other, built together the first time any of them is used:
/// one static constructor (which the runtime runs once, whichever type is touched first and from however many
/// threads) creates every entry in an order where each single-valued reference already exists.
/// </summary>
/// <param name="Owner">The collection type that holds the store as a nested class (the first of them, ordinally).</param>
/// <param name="Catalogs">The collections of the store; a catalog's index is its slot.</param>
/// <param name="ConstructionOrder">Every entry, each after the entries its eager references name; empty for a store chunked by path hash (<see cref="CatalogFiles.ByPathHash(ContentStore)"/>), whose entries name none.</param>
internal sealed record ContentStore(CollectionSchema Owner, EquatableArray<Catalog> Catalogs, EquatableArray<EntryPosition> ConstructionOrder)
{
    /// <summary>The nested class's name; slugs can never produce a member name with two leading underscores.</summary>
    public const string ClassName = "__ArticleGenStore";

    public string TypeName => Owner.TypeName + "." + ClassName;
}

/// <summary>Everything the generator writes, file by file, and the diagnostics that need every article at once.</summary>
internal sealed record CatalogSet(
    EquatableArray<CatalogFile> CatalogFiles,
    EquatableArray<StoreFile> StoreFiles,
    EquatableArray<ChunkFile> ChunkFiles,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Every article's own diagnostics, in source-path order, then <see cref="Diagnostics"/>: what the generator reports when analyzers are off.</summary>
    public EquatableArray<DiagnosticInfo> AllDiagnostics { get; init; } = EquatableArray<DiagnosticInfo>.Empty;

    public static CatalogSet Failed(EquatableArray<DiagnosticInfo> diagnostics) =>
        new(EquatableArray<CatalogFile>.Empty, EquatableArray<StoreFile>.Empty, EquatableArray<ChunkFile>.Empty, diagnostics);
}

/// <summary>A resolved single reference: the entry at <paramref name="Position"/> of the store.</summary>
internal sealed record EntryReferenceValue(EntryPosition Position) : BoundValue;

/// <summary>
/// A resolved list of references that finds its entries when read, so that entries can list each other (two-way
/// <c>related</c> links) although every entry is immutable.
/// </summary>
internal sealed record ReferenceListValue(string ElementTypeName, EquatableArray<EntryPosition> Items) : BoundValue;
