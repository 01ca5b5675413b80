using System;
using System.Collections.Generic;
using System.Linq;
using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Diagnostics;
using ArticleGen.Schema;

namespace ArticleGen.Model;

/// <summary>
/// Builds the <see cref="CatalogSet"/> from every bound article: the checks that need all files at once happen
/// here (ART008 duplicate slugs, ART010 references that name no entry or several, ART012 globs that match
/// nothing, ART015 cycles of single-valued references), entries are left out where they must be, references are
/// resolved to entry positions and collections that refer to each other share a <see cref="ContentStore"/>.
/// </summary>
internal static class CatalogBuilder
{
    /// <summary>The diagnostics that need every article at once, without building anything to emit (for the analyzer).</summary>
    public static EquatableArray<DiagnosticInfo> Diagnose(EquatableArray<CollectionSchema> schemas, IReadOnlyList<BoundArticle> articles, ProjectFiles? files = null)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var collections = ReadCollections(schemas, articles, diagnostics);
            ResolveReferences(collections, diagnostics);
            LeaveOutCycles(collections, diagnostics);
            if (BodyLinks.For(schemas, articles, files) is { } links)
            {
                diagnostics.AddRange(links.Check(articles.OrderBy(a => a.RelativePath, StringComparer.Ordinal)));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.Add(InternalErrors.At(schemas.Select(s => s.AttributeLocation).FirstOrDefault(l => l is not null), "building the catalogs", exception));
        }

        return diagnostics.ToEquatableArray();
    }

    /// <param name="schemas">The collections, without their places in the .cs files.</param>
    /// <param name="articles">Every bound article.</param>
    /// <param name="stringDataBudget">Bytes of data that may go in string literals.</param>
    public static CatalogSet Build(
        EquatableArray<CollectionSchema> schemas, IReadOnlyList<BoundArticle> articles, int stringDataBudget = ProjectOptions.DefaultStringDataBudget)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var collections = ReadCollections(schemas, articles, diagnostics);
            var resolutions = ResolveReferences(collections, diagnostics);
            LeaveOutCycles(collections, diagnostics);
            LeaveOutDependentsOfLeftOut(collections);
            var stores = BuildStores(collections, resolutions);
            var (catalogFiles, storeFiles, chunkFiles) = CatalogFiles.Split(stores, articles, stringDataBudget);
            var all = articles.Where(a => a.Diagnostics.Count > 0).OrderBy(a => a.RelativePath, StringComparer.Ordinal).SelectMany(a => a.Diagnostics).Concat(diagnostics);
            return new CatalogSet(catalogFiles, storeFiles, chunkFiles, diagnostics.ToEquatableArray()) { AllDiagnostics = all.ToEquatableArray() };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.Add(InternalErrors.At(schemas.Select(s => s.AttributeLocation).FirstOrDefault(l => l is not null), "building the catalogs", exception));
            return CatalogSet.Failed(diagnostics.ToEquatableArray()) with { AllDiagnostics = articles.SelectMany(a => a.Diagnostics).Concat(diagnostics).ToEquatableArray() };
        }
    }

    private static List<CollectionNodes> ReadCollections(EquatableArray<CollectionSchema> schemas, IEnumerable<BoundArticle> articles, List<DiagnosticInfo> diagnostics)
    {
        // By collection, in the order given (most projects have one large collection: one list, sized once).
        var byType = new Dictionary<string, List<BoundArticle>>(StringComparer.Ordinal);
        var count = articles is IReadOnlyCollection<BoundArticle> all ? all.Count : 0;
        List<BoundArticle>? list = null;
        string? listType = null;
        var alsoMatched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            if (article.AlsoMatchedBy is { } other)
            {
                alsoMatched.Add(other);
            }

            // Every article of a collection holds the schema's one type name string: a comparison by reference spares
            // hashing the name 10,000 times.
            if (!ReferenceEquals(article.CollectionTypeName, listType) && !byType.TryGetValue(listType = article.CollectionTypeName, out list))
            {
                byType.Add(article.CollectionTypeName, list = new List<BoundArticle>(byType.Count == 0 ? count : 0));
            }

            list!.Add(article);
        }

        // Only entries that a reference can name need their names indexed.
        var referenced = new HashSet<string>(schemas.SelectMany(ReferenceTargetsOf), StringComparer.Ordinal);
        var collections = new List<CollectionNodes>();
        foreach (var schema in schemas)
        {
            var collection = new CollectionNodes(schema);
            collections.Add(collection);
            var ordered = byType.TryGetValue(schema.TypeName, out var found) ? PathOrder.Sorted(found) : [];

            var matchesAFile = ordered.Count > 0 || alsoMatched.Contains(schema.TypeName);
            if (!matchesAFile && Glob.TryParse(schema.Glob, out _) is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GlobMatchesNoFile, schema.AttributeLocation, schema.Glob, schema.Name));
            }

            var bySlug = new Dictionary<string, BoundArticle>(ordered.Count, StringComparer.Ordinal);
            foreach (var article in ordered)
            {
                var node = new ArticleNode(article, collection);
                collection.Nodes.Add(node);
                foreach (var name in referenced.Contains(schema.TypeName) ? NamesOf(article) : [])
                {
                    if (!collection.Names.TryGetValue(name, out var named))
                    {
                        collection.Names.Add(name, named = []);
                    }

                    if (!named.Contains(node))
                    {
                        named.Add(node);
                    }
                }

                if (bySlug.TryGetValue(article.Slug, out var first))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateSlug, article.Opening, article.Slug, first.RelativePath, schema.Name));
                    continue;
                }

                bySlug.Add(article.Slug, article);
                node.Included = article.IsIncluded && schema.IsValid && schema.CanEmit;
            }
        }

        return collections;
    }

    private static IEnumerable<string> NamesOf(BoundArticle article)
    {
        yield return article.Slug;
        yield return article.Id;
        var path = article.RelativePath;
        var dot = path.LastIndexOf('.');
        if (dot > path.LastIndexOf('/') + 1)
        {
            path = path.Substring(0, dot);
        }

        // Whole trailing segments only: 'data' does not name 'advanced-data'.
        for (var start = 0; start >= 0; start = path.IndexOf('/', start) is var slash and >= 0 ? slash + 1 : -1)
        {
            yield return path.Substring(start);
        }
    }

    /// <summary>Finds the entry each reference names; ART010 (and the referring entry left out) where there is none or more than one.</summary>
    private static Dictionary<ReferenceValue, ArticleNode> ResolveReferences(List<CollectionNodes> collections, List<DiagnosticInfo> diagnostics)
    {
        var byType = collections.ToDictionary(c => c.Schema.TypeName, StringComparer.Ordinal);
        var resolutions = new Dictionary<ReferenceValue, ArticleNode>(ReferenceIdentity<ReferenceValue>.Instance);
        // Walking every value of every entry costs; a collection whose declaration has no reference skips it.
        foreach (var node in collections.Where(c => ReferenceTargetsOf(c.Schema).Any()).SelectMany(c => c.Nodes).Where(n => n.Included))
        {
            foreach (var (reference, eager) in ReferencesIn(node.Article.Value!, eager: true))
            {
                var matches = new List<ArticleNode>();
                foreach (var target in reference.Targets)
                {
                    if (byType.TryGetValue(target, out var collection) && collection.Names.TryGetValue(reference.Name, out var named))
                    {
                        matches.AddRange(named);
                    }
                }

                if (matches.Count == 1)
                {
                    node.AddReference(reference, matches[0], eager);
                    resolutions.Add(reference, matches[0]);
                    continue;
                }

                var targets = string.Join(" or ", reference.Targets.Select(t => byType.TryGetValue(t, out var c) ? c.Schema.Name : t));
                var problem = matches.Count == 0
                    ? $"which names no entry of {targets} (a reference names an entry by its slug, its id, or the end of its path without extension)"
                    : $"which names {matches.Count} entries: " + string.Join(", ", matches.Select(m => m.Article.RelativePath));
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DanglingReference, reference.Location, reference.Path, MessageText.Shorten(reference.Name), problem));
                node.Included = false;
            }
        }

        return resolutions;
    }

    /// <summary>
    /// The references in a value. A list of references typed <c>IReadOnlyList&lt;T&gt;</c> (or <c>IEnumerable</c>,
    /// <c>IReadOnlyCollection</c>) is built lazily and can close a cycle; every other reference is eager.
    /// </summary>
    private static IEnumerable<(ReferenceValue Reference, bool Eager)> ReferencesIn(BoundValue value, bool eager)
    {
        switch (value)
        {
            case ReferenceValue reference:
                yield return (reference, eager);
                break;
            case ObjectValue obj:
                foreach (var property in obj.Properties)
                {
                    foreach (var found in ReferencesIn(property.Value, eager))
                    {
                        yield return found;
                    }
                }

                break;
            case ListValue list:
                var lazyItems = list.Kind == ListKind.ReadOnlyList;
                foreach (var item in list.Items)
                {
                    foreach (var found in ReferencesIn(item, eager && !(lazyItems && item is ReferenceValue)))
                    {
                        yield return found;
                    }
                }

                break;
            case DictionaryValue dictionary:
                foreach (var entry in dictionary.Entries)
                {
                    foreach (var found in ReferencesIn(entry.Value, eager))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Entries that name each other only through eager references cannot all be built first: ART015 for each such
    /// cycle (found as strongly connected components), and its entries are left out.
    /// </summary>
    private static void LeaveOutCycles(List<CollectionNodes> collections, List<DiagnosticInfo> diagnostics)
    {
        // An entry that names no other cannot be on a cycle; most collections have no references at all.
        var nodes = collections.SelectMany(c => c.Nodes).Where(n => n.Included && n.References.Count > 0).ToList();
        foreach (var component in ReferenceGraph.StronglyConnected(nodes))
        {
            var first = component[0];
            var isCycle = component.Count > 1 || first.References.Any(r => r.Eager && r.Target == first);
            if (!isCycle)
            {
                continue;
            }

            var members = new HashSet<ArticleNode>(component);
            var path = ReferenceGraph.CyclePath(first, members);
            var described = string.Join(" → ", path.Select(step => $"{step.Node.Article.RelativePath} ({step.Reference.Path})")) + " → " + first.Article.RelativePath;
            var hint = described + ". Make one of the references a list typed IReadOnlyList<T>, which is built lazily and may close a cycle";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReferenceCycle, path[0].Reference.Location, hint));
            foreach (var member in component)
            {
                member.Included = false;
            }
        }
    }

    /// <summary>
    /// An entry that names a left-out entry is left out too, without a diagnostic of its own: the error that left
    /// the other out is the one to fix.
    /// </summary>
    private static void LeaveOutDependentsOfLeftOut(List<CollectionNodes> collections)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var node in collections.SelectMany(c => c.Nodes))
            {
                if (node.Included && node.References.Any(r => !r.Target.Included))
                {
                    node.Included = false;
                    changed = true;
                }
            }
        }
        while (changed);
    }

    private static List<ContentStore> BuildStores(List<CollectionNodes> collections, Dictionary<ReferenceValue, ArticleNode> resolutions)
    {
        var stores = new List<ContentStore>();
        foreach (var group in Components(collections.Where(c => c.Schema.CanEmit).ToList()))
        {
            var slots = new Dictionary<CollectionNodes, int>();
            for (var slot = 0; slot < group.Count; slot++)
            {
                slots.Add(group[slot], slot);
                var index = 0;
                foreach (var node in group[slot].Nodes.Where(n => n.Included))
                {
                    node.Index = index++;
                }
            }

            EntryPosition PositionOf(ArticleNode node) => new(slots[node.Collection], node.Index);

            var catalogs = new List<Catalog>();
            foreach (var collection in group)
            {
                var names = new MemberNames(collection.Schema);
                var hasReferences = ReferenceTargetsOf(collection.Schema).Any();
                var entries = collection.Nodes.Where(n => n.Included)
                    .Select(n => new CatalogEntry(
                        names.Claim(n.Article.NaturalMemberName),
                        n.Article,
                        hasReferences ? (ObjectValue)Resolve(n.Article.Value!, resolutions, PositionOf) : n.Article.Value!))
                    .ToEquatableArray();
                catalogs.Add(new Catalog(collection.Schema, slots[collection], entries));
            }

            // A store chunked by path hash is read in any order (its entries name none): it needs no construction order.
            var constructionOrder = CatalogFiles.ByPathHash(catalogs)
                ? EquatableArray<EntryPosition>.Empty
                : ReferenceGraph.ConstructionOrder(group, PositionOf).ToEquatableArray();
            stores.Add(new ContentStore(group[0].Schema, catalogs.ToEquatableArray(), constructionOrder));
        }

        return stores;
    }

    /// <summary>Collection types grouped by the references between their declarations (not their data), so a store's shape is stable.</summary>
    private static List<List<CollectionNodes>> Components(List<CollectionNodes> collections)
    {
        var byType = collections.ToDictionary(c => c.Schema.TypeName, StringComparer.Ordinal);
        var parent = collections.ToDictionary(c => c, c => c);
        CollectionNodes Find(CollectionNodes c)
        {
            while (parent[c] != c)
            {
                c = parent[c] = parent[parent[c]];
            }

            return c;
        }

        foreach (var collection in collections)
        {
            foreach (var target in ReferenceTargetsOf(collection.Schema))
            {
                if (byType.TryGetValue(target, out var other))
                {
                    var (a, b) = (Find(collection), Find(other));
                    if (a != b)
                    {
                        var (root, child) = string.CompareOrdinal(a.Schema.TypeName, b.Schema.TypeName) < 0 ? (a, b) : (b, a);
                        parent[child] = root;
                    }
                }
            }
        }

        return collections
            .GroupBy(Find)
            .Select(g => g.OrderBy(c => c.Schema.TypeName, StringComparer.Ordinal).ToList())
            .OrderBy(g => g[0].Schema.TypeName, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> ReferenceTargetsOf(CollectionSchema schema)
    {
        static IEnumerable<string> Of(FieldType type) => type.Kind switch
        {
            ValueKind.Reference => type.Targets,
            ValueKind.List or ValueKind.Dictionary => Of(type.Element!),
            _ => [],
        };

        return new[] { schema.Root }.Concat(schema.NestedTypes).SelectMany(o => o.Properties).SelectMany(p => Of(p.Type));
    }

    /// <summary>The value with every reference replaced by the position of the entry it names.</summary>
    private static BoundValue Resolve(BoundValue value, Dictionary<ReferenceValue, ArticleNode> resolutions, Func<ArticleNode, EntryPosition> positionOf) => value switch
    {
        ReferenceValue reference => new EntryReferenceValue(positionOf(resolutions[reference])),
        ObjectValue obj => obj with
        {
            Properties = obj.Properties.Select(p => p with { Value = Resolve(p.Value, resolutions, positionOf) }).ToEquatableArray(),
        },
        ListValue { Kind: ListKind.ReadOnlyList } list when list.Items.Count > 0 && list.Items.All(i => i is ReferenceValue) =>
            new ReferenceListValue(list.ElementTypeName, list.Items.Select(i => positionOf(resolutions[(ReferenceValue)i])).ToEquatableArray()),
        ListValue list => list with { Items = list.Items.Select(i => Resolve(i, resolutions, positionOf)).ToEquatableArray() },
        DictionaryValue dictionary => dictionary with
        {
            Entries = dictionary.Entries.Select(e => e with { Value = Resolve(e.Value, resolutions, positionOf) }).ToEquatableArray(),
        },
        _ => value,
    };
}
