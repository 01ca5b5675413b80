using System.Collections.Generic;
using System.Linq;
using ArticleGen.Binding;
using ArticleGen.Common;

namespace ArticleGen.Model;

/// <summary>
/// The catalogs built from what their layout depends on (paths, slugs, names, shapes, diagnostics), with each
/// article's own values filled in afterwards. An edit that changes an article's values, title or body (nearly every
/// edit) leaves its layout key equal, so the driver keeps the layout and the edit costs a fill, not a build: sorting
/// 10,000 paths, checking every slug and naming every entry again was most of what an edit cost.
/// </summary>
internal sealed class CatalogLayout(int keyCount, CatalogSet built, int[][] keyIndexes)
{
    /// <summary>
    /// Stands for a value left out of a layout key: an object value that is never a real one (no type has the empty
    /// name), so that the key still counts as an entry with a value.
    /// </summary>
    private static readonly ObjectValue LeftOut = new("", EquatableArray<PropertyValue>.Empty);

    /// <summary>How many layout keys the catalogs were built from: <see cref="Fill"/> takes as many articles, in the keys' order.</summary>
    public int KeyCount { get; } = keyCount;

    /// <summary>The catalogs, whose entries hold the keys: <see cref="Fill"/> puts the articles in.</summary>
    public CatalogSet Built { get; } = built;

    /// <summary>
    /// What the catalogs' layout depends on in an article: everything but its value, title and body, which only the
    /// entry's own data carries. A value that holds a reference stays: references decide order and inclusion.
    /// </summary>
    public static BoundArticle KeyOf(BoundArticle article) => WithoutValues(article, keepRendered: false);

    /// <summary>
    /// What <see cref="CatalogBuilder.Diagnose"/> reads of an article: its layout key, and its rendered body, whose links
    /// it checks. The analyzer keeps this of every article until the compilation ends, not the article with its values:
    /// kept, the values were most of what the garbage collector copied (half of the analyzer's time at 10,000 articles).
    /// </summary>
    public static BoundArticle DiagnosisKeyOf(BoundArticle article) => WithoutValues(article, keepRendered: true);

    /// <summary>The article without its values, title and body, unless a value holds a reference (references decide order and inclusion).</summary>
    private static BoundArticle WithoutValues(BoundArticle article, bool keepRendered) =>
        article.Value is null || HoldsReference(article.Value)
            ? (keepRendered || article.Rendered is null ? article : article with { Rendered = null })
            : article with { Value = LeftOut, Title = null, Body = "", Rendered = keepRendered ? article.Rendered : null };

    public static CatalogLayout Build(EquatableArray<Schema.CollectionSchema> schemas, IReadOnlyList<BoundArticle> keys, int stringDataBudget)
    {
        var built = CatalogBuilder.Build(schemas, keys, stringDataBudget);
        return new(keys.Count, built, KeyIndexes(keys, built)) { Schemas = schemas };
    }

    /// <summary>
    /// Per chunk, each entry's place among the keys, which is its article's place among the articles: found once per
    /// layout, so that filling it in after an edit looks nothing up (a table of 10,000 keys was built for every edit).
    /// </summary>
    private static int[][] KeyIndexes(IReadOnlyList<BoundArticle> keys, CatalogSet built)
    {
        var indexOf = new Dictionary<BoundArticle, int>(keys.Count, ReferenceIdentity<BoundArticle>.Instance);
        for (var i = 0; i < keys.Count; i++)
        {
            indexOf[keys[i]] = i;
        }

        var indexes = new int[built.ChunkFiles.Count][];
        for (var c = 0; c < indexes.Length; c++)
        {
            var entries = built.ChunkFiles[c].Entries;
            indexes[c] = new int[entries.Count];
            for (var e = 0; e < entries.Count; e++)
            {
                indexes[c][e] = indexOf[entries[e].Article];
            }
        }

        return indexes;
    }

    /// <summary>The collections the layout was built for.</summary>
    public EquatableArray<Schema.CollectionSchema> Schemas { get; private init; }

    /// <summary>
    /// The catalogs with every entry's article and value its own, and what is computed from every article at once: the
    /// entries' Url and rendered bodies, their links rewritten and checked (ART018 to ART020 join the diagnostics).
    /// </summary>
    /// <param name="articles">Every bound article, in the order of the keys.</param>
    /// <param name="files">The project's files, what image and file links must name; null when the build lists none.</param>
    public CatalogSet Fill(IReadOnlyList<BoundArticle> articles, ProjectFiles? files = null)
    {
        try
        {
            return FillCatalogs(articles, files);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // ArticleGen's own bug: an error at the collection (ART016), never a generator crash that drops every catalog.
            var failure = Diagnostics.InternalErrors.At(Schemas.Select(s => s.AttributeLocation).FirstOrDefault(l => l is not null), "filling the catalogs", exception);
            return CatalogSet.Failed(new[] { failure }.ToEquatableArray()) with { AllDiagnostics = Built.AllDiagnostics.Append(failure).ToEquatableArray() };
        }
    }

    private CatalogSet FillCatalogs(IReadOnlyList<BoundArticle> articles, ProjectFiles? files)
    {
        if (articles.Count != KeyCount)
        {
            throw new System.ArgumentException($"{articles.Count} articles for a layout of {KeyCount}: they come from the same files, in the same order.", nameof(articles));
        }

        var links = BodyLinks.For(Schemas, articles, files);

        var chunks = new ChunkFile[Built.ChunkFiles.Count];
        for (var c = 0; c < chunks.Length; c++)
        {
            var chunk = Built.ChunkFiles[c];
            var entries = new ChunkEntry[chunk.Entries.Count];
            for (var e = 0; e < entries.Length; e++)
            {
                var entry = chunk.Entries[e];
                var article = articles[keyIndexes[c][e]];

                // A key with its value left out has no reference either: the article's own value is the entry's.
                var value = ReferenceEquals(entry.Article.Value, LeftOut) ? article.Value! : entry.Value;
                entries[e] = entry with { Article = article, Value = links is null ? value : links.WithComputedMembers(article, value) };
            }

            chunks[c] = chunk with { Entries = entries.ToEquatableArray() };
        }

        var filled = Built with { ChunkFiles = chunks.ToEquatableArray() };
        return links is null ? filled : filled with { AllDiagnostics = Built.AllDiagnostics.Concat(links.Check(articles)).ToEquatableArray() };
    }

    /// <summary>
    /// Whether a value holds a reference anywhere: the walk of <c>CatalogBuilder.ReferencesIn</c>, as a predicate that
    /// allocates nothing (it runs for every article of a cold run, where ReferencesIn's iterators would make garbage).
    /// </summary>
    private static bool HoldsReference(BoundValue value) => value switch
    {
        ReferenceValue => true,
        ObjectValue obj => obj.Properties.AsImmutableArray().Any(static property => HoldsReference(property.Value)),
        ListValue list => list.Items.AsImmutableArray().Any(static item => HoldsReference(item)),
        DictionaryValue dictionary => dictionary.Entries.AsImmutableArray().Any(static entry => HoldsReference(entry.Value)),
        _ => false,
    };
}
