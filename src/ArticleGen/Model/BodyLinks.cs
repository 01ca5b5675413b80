using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Diagnostics;
using ArticleGen.Rendering;
using ArticleGen.Schema;

namespace ArticleGen.Model;

/// <summary>
/// The links of rendered bodies, across every article: each one checked (ART018 to ART020, contract §6) and, when it
/// names another article's Markdown file, rewritten to that entry's Url; and the entry members the catalog computes
/// (Url, Html, Excerpt, Headings, WordCount, ReadingTime) filled in. Built once per catalog, after every article is bound.
/// </summary>
internal sealed class BodyLinks
{
    private readonly Dictionary<string, BoundArticle> _byPath;
    private readonly List<(string Prefix, CollectionSchema Schema, Dictionary<string, BoundArticle> ByUrl)> _addressed = [];
    private readonly Dictionary<string, CollectionSchema> _schemas;
    private readonly ProjectFiles? _files;

    private BodyLinks(EquatableArray<CollectionSchema> schemas, IReadOnlyList<BoundArticle> articles, ProjectFiles? files)
    {
        _files = files;
        _schemas = schemas.ToDictionary(s => s.TypeName, StringComparer.Ordinal);
        _byPath = new Dictionary<string, BoundArticle>(articles.Count, StringComparer.Ordinal);
        foreach (var article in articles)
        {
            if (article.AlsoMatchedBy is null)
            {
                _byPath[article.RelativePath] = article;
            }
        }

        foreach (var schema in schemas)
        {
            if (schema.UrlPattern is not { } pattern)
            {
                continue;
            }

            // Two entries with one Url (one slug: ART008) resolve to the first in path order, the one the catalog keeps,
            // whatever order the articles came in (the analyzer's come in the order its threads finished).
            var byUrl = new Dictionary<string, BoundArticle>(StringComparer.Ordinal);
            foreach (var article in articles)
            {
                if (article.CollectionTypeName == schema.TypeName && article.Url is { } url
                    && (!byUrl.TryGetValue(url, out var kept) || string.CompareOrdinal(article.RelativePath, kept.RelativePath) < 0))
                {
                    byUrl[url] = article;
                }
            }

            _addressed.Add((UrlPatterns.PrefixOf(pattern), schema, byUrl));
        }
    }

    /// <summary>The links of a catalog's articles, or null when no collection computes anything after binding (no Url, no body member).</summary>
    public static BodyLinks? For(EquatableArray<CollectionSchema> schemas, IReadOnlyList<BoundArticle> articles, ProjectFiles? files) =>
        schemas.Any(s => s.ComputedMemberCount > 0) ? new BodyLinks(schemas, articles, files) : null;

    /// <summary>ART018, ART019 and ART020 for every link of every rendered body, in the articles' order.</summary>
    public List<DiagnosticInfo> Check(IEnumerable<BoundArticle> articles)
    {
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var article in articles)
        {
            if (article.Rendered is not { } rendered)
            {
                continue;
            }

            foreach (var link in rendered.Links)
            {
                var target = Resolve(article, link);
                switch (target.Kind)
                {
                    case TargetKind.NoArticle:
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LinkNamesNoArticle, link.Location, link.Destination, target.Missing));
                        break;
                    case TargetKind.NoFile:
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LinkNamesNoFile, link.Location, link.IsImage ? "image" : "link", link.Destination, target.Path));
                        break;
                    case TargetKind.Article when target.Fragment is { Length: > 0 } fragment && target.Article!.Rendered is { } targetBody
                        && !targetBody.Headings.AsImmutableArray().Any(h => h.Id == fragment):
                        var whose = ReferenceEquals(target.Article, article) ? "this article" : "'" + target.Article.RelativePath + "'";
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LinkNamesNoHeading, link.Location, link.Destination, whose, fragment, HeadingHint(targetBody, fragment)));
                        break;
                }
            }
        }

        return diagnostics;
    }

    /// <summary><paramref name="value"/> with the entry's computed members after its front matter's, in the order the store reads them.</summary>
    public ObjectValue WithComputedMembers(BoundArticle article, ObjectValue value)
    {
        if (!_schemas.TryGetValue(article.CollectionTypeName, out var schema) || schema.ComputedMemberCount == 0)
        {
            return value;
        }

        var properties = ImmutableArray.CreateBuilder<PropertyValue>(value.Properties.Count + schema.ComputedMemberCount);
        properties.AddRange(value.Properties.AsImmutableArray());
        if (schema.UrlPattern is not null)
        {
            properties.Add(new PropertyValue("Url", new StringValue(article.Url ?? "")));
        }

        var rendered = article.Rendered;
        foreach (var member in schema.BodyMembers)
        {
            properties.Add(new PropertyValue(member.Name, member.Part switch
            {
                BodyPart.Html => new HtmlValue(rendered is null ? default : rendered.Compose(0, rendered.Html.Length, link => Rewrite(article, link))),
                BodyPart.Excerpt => new HtmlValue(rendered is null ? default : rendered.Compose(rendered.ExcerptStart, rendered.ExcerptEnd, link => Rewrite(article, link))),
                BodyPart.Headings => Headings(rendered, member.Type),
                BodyPart.WordCount when member.Type.Kind == ValueKind.Int64 => new Int64Value(rendered?.WordCount ?? 0),
                BodyPart.WordCount => new Int32Value(rendered?.WordCount ?? 0),
                _ => new TimeSpanValue((rendered?.ReadingMinutes ?? 1) * TimeSpan.TicksPerMinute),
            }));
        }

        return value with { Properties = new EquatableArray<PropertyValue>(properties.MoveToImmutable()) };
    }

    private static ListValue Headings(RenderedBody? rendered, FieldType type)
    {
        var items = new List<BoundValue>();
        foreach (var heading in rendered?.Headings ?? EquatableArray<HeadingInfo>.Empty)
        {
            items.Add(new ObjectValue(BodyMembers.HeadingTypeName, new[]
            {
                new PropertyValue("Level", new Int32Value(heading.Level)),
                new PropertyValue("Text", new StringValue(heading.Text)),
                new PropertyValue("Id", new StringValue(heading.Id)),
            }.ToEquatableArray()));
        }

        return new ListValue(type.ListKind, type.TypeName, BodyMembers.HeadingTypeName, items.ToEquatableArray());
    }

    /// <summary>A link to another article's file as that entry's Url (and the fragment), escaped as Markdig escapes an address; null keeps it.</summary>
    private string? Rewrite(BoundArticle from, BodyLink link)
    {
        var target = Resolve(from, link);
        if (target.Kind != TargetKind.Article || target.Article!.Url is not { } url || ReferenceEquals(target.Article, from) && url.Length == 0)
        {
            return null;
        }

        return HtmlText.EscapeUrl(target.Fragment is null ? url : url + "#" + target.Fragment);
    }

    private static string HeadingHint(RenderedBody body, string fragment)
    {
        if (body.Headings.Count == 0)
        {
            return ", and it has none";
        }

        var near = body.Headings.AsImmutableArray()
            .Select(h => h.Id)
            .Where(id => id.Length > 0)
            .OrderBy(id => EditDistance.Between(id, fragment))
            .ThenBy(id => id, StringComparer.Ordinal)
            .FirstOrDefault();
        return near is null ? ", and none of its headings has an id" : "; did you mean '#" + near + "'?";
    }

    private enum TargetKind
    {
        /// <summary>Not checked: another site, a query alone, a site-absolute link under no collection's Url.</summary>
        Unchecked,
        Article,
        File,
        NoArticle,
        NoFile,
    }

    private readonly record struct Target(TargetKind Kind, BoundArticle? Article = null, string? Fragment = null, string Path = "", string Missing = "");

    private Target Resolve(BoundArticle from, BodyLink link)
    {
        var destination = link.Destination;
        var hash = destination.IndexOf('#');
        var fragment = hash < 0 ? null : Unescape(destination.Substring(hash + 1));
        var beforeFragment = hash < 0 ? destination : destination.Substring(0, hash);
        var query = beforeFragment.IndexOf('?');
        var path = query < 0 ? beforeFragment : beforeFragment.Substring(0, query);

        if (path.Length == 0)
        {
            // '#x' is this article's heading; '?x' alone is nothing the build can know.
            return query < 0 && !link.IsImage ? new Target(TargetKind.Article, from, fragment) : default;
        }

        if (path[0] == '/')
        {
            // An image, or a file of the project (a static file), is not an entry; only links can name one.
            var relative = Unescape(path).TrimStart('/');
            if (link.IsImage || (_files is not null && (_files.Contains(relative) || _files.Contains("wwwroot/" + relative))))
            {
                return default;
            }

            return ResolveSiteAbsolute(path, fragment);
        }

        var resolved = Combine(DirectoryOf(from.RelativePath), Unescape(path));
        if (!link.IsImage && path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return resolved is not null && _byPath.TryGetValue(resolved, out var article)
                ? new Target(TargetKind.Article, article, fragment, resolved)
                : new Target(TargetKind.NoArticle, Path: resolved ?? path, Missing: "file of any collection: it leads to '" + (resolved ?? path) + "'");
        }

        if (_files is null)
        {
            return default; // the build listed no files (a host without the package's targets): nothing to check against
        }

        return resolved is not null && (_files.Contains(resolved) || _byPath.ContainsKey(resolved) || ArticleFolders.Contains(resolved.TrimEnd('/')))
            ? new Target(TargetKind.File, Path: resolved)
            : new Target(TargetKind.NoFile, Path: resolved ?? "../" + path);
    }

    /// <summary>Every folder that holds an article (the project's file list leaves Markdown files out): a link to a folder names it.</summary>
    private HashSet<string> ArticleFolders => _articleFolders ??= FoldersOf(_byPath.Keys);

    private HashSet<string>? _articleFolders;

    private static HashSet<string> FoldersOf(IEnumerable<string> paths)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal) { "" };
        foreach (var path in paths)
        {
            for (var slash = path.LastIndexOf('/'); slash > 0 && folders.Add(path.Substring(0, slash)); slash = path.LastIndexOf('/', slash - 1))
            {
            }
        }

        return folders;
    }

    private Target ResolveSiteAbsolute(string path, string? fragment)
    {
        var unescaped = Unescape(path);
        string? under = null;
        foreach (var (prefix, schema, byUrl) in _addressed)
        {
            if (prefix.Length == 0 || !(path.StartsWith(prefix, StringComparison.Ordinal) || unescaped.StartsWith(prefix, StringComparison.Ordinal)))
            {
                continue;
            }

            if (byUrl.TryGetValue(path, out var article) || byUrl.TryGetValue(unescaped, out article))
            {
                return new Target(TargetKind.Article, article, fragment, path);
            }

            under ??= "entry of " + schema.Name + " (its entries' Url is '" + schema.UrlPattern + "')";
        }

        return under is null ? default : new Target(TargetKind.NoArticle, Path: path, Missing: under);
    }

    private static string DirectoryOf(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? "" : relativePath.Substring(0, slash);
    }

    /// <summary><paramref name="path"/> from <paramref name="directory"/>, '.' and '..' resolved; null when it climbs above the project.</summary>
    internal static string? Combine(string directory, string path)
    {
        var parts = new List<string>();
        if (directory.Length > 0)
        {
            parts.AddRange(directory.Split('/'));
        }

        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    continue;
                default:
                    parts.Add(segment);
                    continue;
            }
        }

        return string.Join("/", parts);
    }

    private static string Unescape(string text)
    {
        if (text.IndexOf('%') < 0)
        {
            return text;
        }

        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
