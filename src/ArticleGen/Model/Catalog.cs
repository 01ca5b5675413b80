using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Schema;

namespace ArticleGen.Model;

/// <summary>An entry of the catalog: a bound article and the name of the static property that returns it.</summary>
internal sealed record CatalogEntry(string MemberName, BoundArticle Article);

/// <summary>
/// What the emitter writes for one collection type: its schema and its entries, ordered by source path, with
/// slugs unique and member names assigned. Equal catalogs give byte-identical source.
/// </summary>
internal sealed record Catalog(CollectionSchema Schema, EquatableArray<CatalogEntry> Entries);
