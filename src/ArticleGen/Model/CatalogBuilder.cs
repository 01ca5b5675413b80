using System;
using System.Collections.Generic;
using System.Linq;
using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Diagnostics;
using ArticleGen.Schema;

namespace ArticleGen.Model;

/// <summary>
/// Gathers one collection's bound articles into a <see cref="Catalog"/>: the checks that need every file of the
/// collection at once (ART008 duplicate slugs, ART012 a glob that matches nothing) happen here, and each entry
/// gets its member name.
/// </summary>
internal static class CatalogBuilder
{
    public static Catalog Build(CollectionSchema schema, IEnumerable<BoundArticle> articles, List<DiagnosticInfo> diagnostics)
    {
        var ordered = articles
            .Where(a => a.CollectionTypeName == schema.TypeName)
            .OrderBy(a => a.RelativePath, StringComparer.Ordinal)
            .ToList();

        if (ordered.Count == 0 && Glob.TryParse(schema.Glob, out _) is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GlobMatchesNoFile, schema.AttributeLocation, schema.Glob, schema.Name));
        }

        var bySlug = new Dictionary<string, BoundArticle>(StringComparer.Ordinal);
        var included = new List<BoundArticle>();
        foreach (var article in ordered)
        {
            if (bySlug.TryGetValue(article.Slug, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateSlug, article.Opening, article.Slug, first.RelativePath, schema.Name));
                continue;
            }

            bySlug.Add(article.Slug, article);
            if (article.IsIncluded && schema.IsValid)
            {
                included.Add(article);
            }
        }

        var names = new MemberNames(schema);
        var entries = included.Select(article => new CatalogEntry(names.Claim(article.Slug), article)).ToEquatableArray();
        return new Catalog(schema, entries);
    }
}
