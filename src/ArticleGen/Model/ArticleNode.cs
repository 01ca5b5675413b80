using System;
using System.Collections.Generic;
using ArticleGen.Binding;
using ArticleGen.Schema;

namespace ArticleGen.Model;

/// <summary>An article on its way into a catalog.</summary>
internal sealed class ArticleNode(BoundArticle article, CollectionNodes collection)
{
    public BoundArticle Article { get; } = article;

    public CollectionNodes Collection { get; } = collection;

    public bool Included { get; set; }

    /// <summary>The entries this one names; eager ones must exist before it is built.</summary>
    public IReadOnlyList<(ReferenceValue Reference, ArticleNode Target, bool Eager)> References =>
        (IReadOnlyList<(ReferenceValue, ArticleNode, bool)>?)_references ?? [];

    // Most entries name none and get no list: the layout is built again whenever an article is added or removed.
    private List<(ReferenceValue Reference, ArticleNode Target, bool Eager)>? _references;

    public void AddReference(ReferenceValue reference, ArticleNode target, bool eager) => (_references ??= []).Add((reference, target, eager));

    public int Index { get; set; } = -1;
}

internal sealed class CollectionNodes(CollectionSchema schema)
{
    public CollectionSchema Schema { get; } = schema;

    public List<ArticleNode> Nodes { get; } = [];

    /// <summary>Every name an entry answers to: its slug, its id, each trailing part of its path without extension.</summary>
    public Dictionary<string, List<ArticleNode>> Names { get; } = new(StringComparer.Ordinal);
}
