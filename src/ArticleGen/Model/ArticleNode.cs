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
    public List<(ReferenceValue Reference, ArticleNode Target, bool Eager)> References { get; } = [];

    public int Index { get; set; } = -1;
}

internal sealed class CollectionNodes(CollectionSchema schema)
{
    public CollectionSchema Schema { get; } = schema;

    public List<ArticleNode> Nodes { get; } = [];

    /// <summary>Every name an entry answers to: its slug, its id, each trailing part of its path without extension.</summary>
    public Dictionary<string, List<ArticleNode>> Names { get; } = new(StringComparer.Ordinal);
}
