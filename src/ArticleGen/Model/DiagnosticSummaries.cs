using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Diagnostics;
using ArticleGen.Schema;

namespace ArticleGen.Model;

/// <summary>
/// ART021: one schema mistake on a large site fails the same key in thousands of files, and thousands of exact
/// diagnostics do not say that one declaration is the fix. When a key fails the same way (same diagnostic ID) in
/// more than <see cref="Threshold"/> files of one collection, one summary says so, with the count and the first
/// file's message, at the property's declaration (or the collection's attribute for a key with no property). The
/// per-file diagnostics are still reported, each at its place.
/// </summary>
internal static class DiagnosticSummaries
{
    /// <summary>More files than this, failing the same way, get a summary: "more than a handful".</summary>
    public const int Threshold = 5;

    /// <summary>The diagnostics that name a key as their first argument, and so can fail "the same way" in many files.</summary>
    private static bool NamesAKey(string id) => id is "ART004" or "ART005" or "ART006" or "ART009" or "ART010";

    private static readonly Regex ListIndex = new(@"\[[0-9]+\]", RegexOptions.CultureInvariant);

    /// <param name="schemas">The collections.</param>
    /// <param name="articles">Every bound article, with its own diagnostics.</param>
    /// <param name="acrossFiles">The diagnostics that needed every file (ART010 among them).</param>
    /// <param name="isReported">Whether a diagnostic is reported at all (not switched off for its file or the project).</param>
    public static List<DiagnosticInfo> Summarize(
        EquatableArray<CollectionSchema> schemas, IReadOnlyList<BoundArticle> articles, IEnumerable<DiagnosticInfo> acrossFiles, Func<DiagnosticInfo, bool> isReported)
    {
        try
        {
            return SummarizeGroups(schemas, articles, acrossFiles, isReported);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A summary is a convenience; its failure is still ArticleGen's bug, reported, never a silent AD0001.
            return [InternalErrors.At(schemas.Select(s => s.AttributeLocation).FirstOrDefault(l => l is not null), "summarising diagnostics", exception)];
        }
    }

    private static List<DiagnosticInfo> SummarizeGroups(
        EquatableArray<CollectionSchema> schemas, IReadOnlyList<BoundArticle> articles, IEnumerable<DiagnosticInfo> acrossFiles, Func<DiagnosticInfo, bool> isReported)
    {
        var collectionOfFile = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            if (article.Opening.FilePath is { } path)
            {
                collectionOfFile[path] = article.CollectionTypeName;
            }
        }

        var groups = new Dictionary<(string Collection, string Id, string Key), List<(string RelativePath, DiagnosticInfo Diagnostic)>>();
        void Add(string collection, string relativePath, DiagnosticInfo diagnostic)
        {
            if (!NamesAKey(diagnostic.Id) || diagnostic.MessageArgs.Count == 0 || !isReported(diagnostic))
            {
                return;
            }

            var key = (collection, diagnostic.Id, ListIndex.Replace(diagnostic.MessageArgs[0], "[]"));
            if (!groups.TryGetValue(key, out var members))
            {
                groups.Add(key, members = []);
            }

            members.Add((relativePath, diagnostic));
        }

        foreach (var article in articles)
        {
            foreach (var diagnostic in article.Diagnostics)
            {
                Add(article.CollectionTypeName, article.RelativePath, diagnostic);
            }
        }

        var relativePathOfFile = articles.GroupBy(a => a.Opening.FilePath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().RelativePath, StringComparer.Ordinal);
        foreach (var diagnostic in acrossFiles)
        {
            if (diagnostic.Location?.FilePath is { } path && collectionOfFile.TryGetValue(path, out var collection))
            {
                Add(collection, relativePathOfFile[path], diagnostic);
            }
        }

        var summaries = new List<DiagnosticInfo>();
        var schemaByType = schemas.GroupBy(s => s.TypeName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var group in groups.OrderBy(g => g.Key.Collection, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal).ThenBy(g => g.Key.Id, StringComparer.Ordinal))
        {
            var files = group.Value.Select(m => m.RelativePath).Distinct(StringComparer.Ordinal).Count();
            if (files <= Threshold || !schemaByType.TryGetValue(group.Key.Collection, out var schema))
            {
                continue;
            }

            var first = group.Value.OrderBy(m => m.RelativePath, StringComparer.Ordinal).First();
            var descriptor = DiagnosticDescriptors.Get(first.Diagnostic.Id);
            var message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), first.Diagnostic.MessageArgs.Cast<object>().ToArray());
            var location = (group.Key.Id == "ART006" ? null : DeclarationOf(schema, group.Key.Key)) ?? schema.AttributeLocation;
            summaries.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SameFailureInManyFiles,
                location,
                group.Key.Key,
                group.Key.Id,
                files.ToString("N0", CultureInfo.InvariantCulture),
                schema.Name,
                first.RelativePath,
                message));
        }

        return summaries;
    }

    /// <summary>The declaration of the property a key path binds to (<c>provider.images[].width</c>), through nested types.</summary>
    private static LocationInfo? DeclarationOf(CollectionSchema schema, string keyPath)
    {
        ObjectShape? shape = schema.Root;
        PropertyShape? property = null;
        foreach (var segment in keyPath.Replace("[]", "").Split('.'))
        {
            if (shape is null)
            {
                return null;
            }

            var matchKey = KeyName.Normalize(segment);
            property = shape.Properties.FirstOrDefault(p => p.MatchKey == matchKey);
            if (property is null)
            {
                // A dotted key ('ms.date') is one key, not a path: try the rest of the path as one key.
                return shape.Properties.FirstOrDefault(p => p.MatchKey == KeyName.Normalize(keyPath.Replace("[]", "")))?.Location;
            }

            var type = property.Type;
            while (type.Kind is ValueKind.List or ValueKind.Dictionary)
            {
                type = type.Element!;
            }

            shape = type.Kind == ValueKind.Object ? schema.FindObject(type.TypeName) : null;
        }

        return property?.Location;
    }
}
