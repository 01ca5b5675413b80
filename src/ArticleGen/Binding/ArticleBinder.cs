using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using ArticleGen.Common;
using ArticleGen.Diagnostics;
using ArticleGen.Parsing;
using ArticleGen.Schema;

namespace ArticleGen.Binding;

/// <summary>
/// Binds a parsed article to the collection whose glob matches it: every key to a property, every value to the
/// property's type, each mistake a diagnostic at the exact key or value. The generator and the analyzer both run
/// it, so the build and the IDE agree.
/// </summary>
internal static partial class ArticleBinder
{
    private const string SlugKey = "slug";

    /// <summary>Binds <paramref name="article"/>, or returns null when no collection's glob matches it (the file is ignored).</summary>
    public static BoundArticle? Bind(ParsedArticle article, CollectionSet collections, CancellationToken cancellationToken)
    {
        CollectionSchema? collection = null;
        Glob? glob = null;
        for (var i = 0; i < collections.Schemas.Count; i++)
        {
            var candidate = collections.Schemas[i];
            var candidateGlob = collections.GlobAt(i);
            if (candidateGlob is null || !candidateGlob.IsMatch(article.RelativePath))
            {
                continue;
            }

            if (collection is not null)
            {
                var location = article.LocationOf(article.OpeningLine);
                var clash = DiagnosticInfo.Create(
                    DiagnosticDescriptors.FileInTwoCollections, location, article.RelativePath, collection.Name, collection.Glob, candidate.Name, candidate.Glob);
                return Empty(collection, glob!, article, new[] { clash }.ToEquatableArray()) with { AlsoMatchedBy = candidate.TypeName };
            }

            collection = candidate;
            glob = candidateGlob;
        }

        if (collection is null || glob is null)
        {
            return null;
        }

        if (article.FrontMatter is null || !collection.IsValid)
        {
            // Unreadable, or the declaration has an error of its own (reported on the declaration): nothing to bind.
            return Empty(collection, glob, article, article.Diagnostics);
        }

        try
        {
            var binder = new Binder(article, collection, cancellationToken);
            var value = binder.BindRoot(article.FrontMatter);
            var id = ArticlePath.IdOf(article.RelativePath, glob);
            var slug = binder.Slug ?? ArticlePath.DefaultSlug(id);
            var title = collection.TitleProperty is null ? null : (value.Get(collection.TitleProperty) as StringValue)?.Value;

            // The body rendered once, here, with the article: what the catalog needs of it is kept, the Markdown only
            // when the catalog holds it (a packed body is read from the pack, and was kept only to be rendered).
            var rendered = collection.RendersBodies ? Rendering.BodyRenderer.Render(article.Body, collection.Markdown!, article.BodyPlace, cancellationToken) : null;
            if (rendered is not null && collection.BodyMembers.Any(m => m.Part == BodyPart.Headings))
            {
                binder.Shapes.Add(ShapeKey.Of(BodyMembers.HeadingTypeName, 3, [0, 1, 2], withFileMembers: false));
            }

            return new BoundArticle(
                collection.TypeName, article.RelativePath, id, slug, article.PackedBody is null ? article.Body : "", title, value,
                article.LocationOf(article.OpeningLine), binder.Diagnostics.ToEquatableArray())
            {
                Url = collection.UrlPattern is { } pattern ? UrlPatterns.Apply(pattern, slug, id) : null,
                Rendered = rendered,
                // The property name before collisions are settled: a function of the slug, so worked out once per edit.
                NaturalMemberName = Model.MemberNames.FromSlug(slug),
                PackedBody = article.PackedBody,
                Shapes = binder.Shapes.OrderBy(s => s.TypeName, System.StringComparer.Ordinal).ThenBy(s => s.Mask, System.StringComparer.Ordinal).ToEquatableArray(),
            };
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            var failure = InternalErrors.At(article.LocationOf(article.OpeningLine), "binding " + article.RelativePath + " to " + collection.Name, exception);
            return Empty(collection, glob, article, new[] { failure }.ToEquatableArray());
        }
    }

    private static BoundArticle Empty(CollectionSchema collection, Glob glob, ParsedArticle article, EquatableArray<DiagnosticInfo> diagnostics)
    {
        var id = ArticlePath.IdOf(article.RelativePath, glob);
        return new(collection.TypeName, article.RelativePath, id, ArticlePath.DefaultSlug(id), article.Body, null, null, article.LocationOf(article.OpeningLine), diagnostics);
    }

    private sealed partial class Binder(ParsedArticle article, CollectionSchema collection, CancellationToken cancellationToken)
    {
        public List<DiagnosticInfo> Diagnostics { get; } = [];

        public string? Slug { get; private set; }

        /// <summary>Every object shape the article's values take; the store's readers need one case per shape in use.</summary>
        public HashSet<ShapeKey> Shapes { get; } = [];

        public ObjectValue BindRoot(YamlMapping frontMatter) => BindObject(frontMatter, collection.Root, path: "", isRoot: true);

        private ObjectValue BindObject(YamlMapping mapping, ObjectShape shape, string path, bool isRoot)
        {
            var values = new List<(int Declared, PropertyValue Value)>(mapping.Entries.Count);

            // The key written for each declared property (to find a repeated one, and to tell an absent key from a null
            // value); any other key, rarely more than a slug or a misspelt one, in a dictionary made when one comes.
            var written = new YamlScalar?[shape.Properties.Count];
            Dictionary<string, YamlScalar>? otherKeys = null;
            foreach (var entry in mapping.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!TryReadKey(entry, path, out var key))
                {
                    continue;
                }

                var matchKey = KeyName.Normalize(key.Value);
                var declared = FindProperty(shape, matchKey);
                var first = declared >= 0 ? written[declared] : otherKeys is not null && otherKeys.TryGetValue(matchKey, out var other) ? other : null;
                if (first is not null)
                {
                    ReportDuplicate(key, first, path);
                    continue;
                }

                if (declared >= 0)
                {
                    written[declared] = key;
                }
                else
                {
                    (otherKeys ??= new Dictionary<string, YamlScalar>(System.StringComparer.Ordinal)).Add(matchKey, key);
                }

                var keyPath = Join(path, key.Value);
                if (isRoot && matchKey == SlugKey)
                {
                    BindSlug(entry.Value, keyPath);
                    continue;
                }

                if (declared < 0)
                {
                    var accepted = string.Join(", ", shape.Properties.Select(p => p.Key).Concat(isRoot ? [SlugKey] : []));
                    Report(DiagnosticDescriptors.UnknownKey, key.Range, keyPath, shape.DisplayName, accepted.Length == 0 ? "(none)" : accepted, KeySuggestions.For(shape, key.Value));
                    continue;
                }

                var property = shape.Properties[declared];
                if (property.DateFromFileName && entry.Value is YamlScalar { IsNull: true } && ArticlePath.DateInFileName(article.RelativePath) is not null)
                {
                    continue; // no value: the file name's date fills it below
                }

                var value = BindValue(entry.Value, property.Type, keyPath);
                if (value is not null)
                {
                    values.Add((declared, new PropertyValue(property.Name, value)));
                }
            }

            for (var declared = 0; declared < shape.Properties.Count; declared++)
            {
                var property = shape.Properties[declared];
                var key = written[declared];
                if (property.DateFromFileName && (key is null || IsNullValue(mapping, key)) && ArticlePath.DateInFileName(article.RelativePath) is { } date)
                {
                    values.Add((declared, new PropertyValue(property.Name, DateValue(date, property.Type))));
                    continue;
                }

                if (property.IsRequired && key is null)
                {
                    // A missing key has no place of its own: the top level points at the opening '---', a nested
                    // mapping at its own start.
                    var at = isRoot ? article.OpeningLine : mapping.Range;
                    var fileNameHint = property.DateFromFileName ? ", and the file name does not start with a date (yyyy-MM-dd-)" : "";
                    Report(DiagnosticDescriptors.MissingRequiredKey, at, Join(path, property.Key), shape.DisplayName + "." + property.Name, fileNameHint);
                }
            }

            // Values in declared order, whatever the keys' order: an object's shape is then which properties it sets.
            values.Sort((a, b) => a.Declared.CompareTo(b.Declared));
            // An entry's computed members (its Url, the rendered body's parts) follow its front matter's and are always set.
            var offset = isRoot ? ShapeKey.FileMembers.Length : 0;
            var computed = isRoot ? collection.ComputedMemberCount : 0;
            var declaredCount = offset + shape.Properties.Count;
            var present = new bool[declaredCount + computed];
            var properties = new PropertyValue[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                present[offset + values[i].Declared] = true;
                properties[i] = values[i].Value;
            }

            for (var i = declaredCount; i < present.Length; i++)
            {
                present[i] = true;
            }

            Shapes.Add(ShapeKey.Of(shape.TypeName, present, withFileMembers: isRoot));
            return new ObjectValue(shape.TypeName, properties.ToEquatableArray());
        }

        private BoundValue? BindValue(YamlNode node, FieldType type, string path)
        {
            if (node is YamlScalar { IsNull: true })
            {
                if (type.IsNullable)
                {
                    return NullValue.Instance;
                }

                // An empty value for a list or dictionary means "none", as 'topics:' with nothing under it reads.
                if (type.Kind == ValueKind.List)
                {
                    return new ListValue(type.ListKind, type.TypeName, type.Element!.NullableTypeName, EquatableArray<BoundValue>.Empty);
                }

                if (type.Kind == ValueKind.Dictionary)
                {
                    return new DictionaryValue(type.Element!.NullableTypeName, EquatableArray<DictionaryEntryValue>.Empty);
                }

                return Mismatch(node, type, path, "");
            }

            switch (type.Kind)
            {
                case ValueKind.Object:
                    if (node is not YamlMapping mapping)
                    {
                        return Mismatch(node, type, path, "");
                    }

                    var shape = collection.FindObject(type.TypeName);
                    return shape is null ? null : BindObject(mapping, shape, path, isRoot: false);

                case ValueKind.List:
                    if (node is YamlScalar { Value.Length: 0 })
                    {
                        // "" where a list is declared is an empty list, whatever its items (ms.custom: "").
                        return new ListValue(type.ListKind, type.TypeName, type.Element!.NullableTypeName, EquatableArray<BoundValue>.Empty);
                    }

                    if (node is YamlScalar single && type.Element!.Kind is not (ValueKind.Object or ValueKind.List or ValueKind.Dictionary))
                    {
                        // One value where a list is declared is a one-item list (browser-compat: api.fetch), its path
                        // that of the first item, so a mistake in it groups with the same mistake in a written list.
                        var only = BindValue(single, type.Element!, path + "[0]");
                        return only is null
                            ? null
                            : new ListValue(type.ListKind, type.TypeName, type.Element!.NullableTypeName, new[] { only }.ToEquatableArray());
                    }

                    if (node is not YamlSequence sequence)
                    {
                        return Mismatch(node, type, path, "");
                    }

                    var items = new List<BoundValue>(sequence.Items.Count);
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        var item = BindValue(sequence.Items[i], type.Element!, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                        if (item is not null)
                        {
                            items.Add(item);
                        }
                    }

                    return new ListValue(type.ListKind, type.TypeName, type.Element!.NullableTypeName, items.ToEquatableArray());

                case ValueKind.Dictionary:
                    if (node is not YamlMapping dictionary)
                    {
                        return Mismatch(node, type, path, "");
                    }

                    return BindDictionary(dictionary, type, path);

                case ValueKind.Reference:
                    if (node is not YamlScalar reference)
                    {
                        return Mismatch(node, type, path, "");
                    }

                    return new ReferenceValue(reference.Value, path, type.Targets, article.LocationOf(node.Range));

                case ValueKind.Enum:
                    if (node is not YamlScalar enumScalar)
                    {
                        return Mismatch(node, type, path, "");
                    }

                    var member = FindEnumMember(type, enumScalar.Value);
                    if (member is null)
                    {
                        Report(DiagnosticDescriptors.UnknownEnumName, node.Range, path, type.DisplayName, string.Join(", ", type.EnumMembers), MessageText.Shorten(enumScalar.Value));
                        return null;
                    }

                    return new EnumValue(type.TypeName, member);

                default:
                    if (node is not YamlScalar scalar)
                    {
                        return Mismatch(node, type, path, "");
                    }

                    var converted = ScalarConverter.Convert(scalar.Value, type, out var problem);
                    return converted ?? Mismatch(node, type, path, problem.Length > 0 ? problem : HintFor(scalar, type));
            }
        }

        private DictionaryValue? BindDictionary(YamlMapping mapping, FieldType type, string path)
        {
            var entries = new List<DictionaryEntryValue>();
            var seen = new Dictionary<string, YamlScalar>(System.StringComparer.Ordinal);
            foreach (var entry in mapping.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!TryReadKey(entry, path, out var key))
                {
                    continue;
                }

                if (seen.TryGetValue(key.Value, out var first))
                {
                    ReportDuplicate(key, first, path);
                    continue;
                }

                seen.Add(key.Value, key);

                var value = BindValue(entry.Value, type.Element!, Join(path, key.Value));
                if (value is not null)
                {
                    entries.Add(new DictionaryEntryValue(key.Value, value));
                }
            }

            return new DictionaryValue(type.Element!.NullableTypeName, entries.ToEquatableArray());
        }

        /// <summary>Reads an entry's key, reporting a key that is not text (ART003).</summary>
        private bool TryReadKey(YamlMappingEntry entry, string path, out YamlScalar key)
        {
            if (entry.Key is not YamlScalar scalar || scalar.IsNull)
            {
                key = null!;
                Report(DiagnosticDescriptors.InvalidYaml, entry.Key.Range, $"a key must be a plain text, but {PathOr(path, "the front matter")} has {entry.Key.Describe()} as a key");
                return false;
            }

            key = scalar;
            return true;
        }

        /// <summary>ART007 at the second of two keys that compare equal.</summary>
        private void ReportDuplicate(YamlScalar key, YamlScalar first, string path) =>
            Report(DiagnosticDescriptors.DuplicateKey, key.Range, Join(path, key.Value), Shorten(first.Value), (first.Range.Start.Line + 1).ToString(CultureInfo.InvariantCulture));

        private void BindSlug(YamlNode node, string path)
        {
            if (node is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
            {
                Slug = scalar.Value;
                return;
            }

            Report(DiagnosticDescriptors.ValueDoesNotConvert, node.Range, path, "a non-empty string (the entry's slug)", node.Describe());
        }

        private BoundValue? Mismatch(YamlNode node, FieldType type, string path, string problem)
        {
            Report(DiagnosticDescriptors.ValueDoesNotConvert, node.Range, path, type.Expectation, node.Describe() + problem);
            return null;
        }

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceRange range, params string[] args) =>
            Diagnostics.Add(DiagnosticInfo.Create(descriptor, article.LocationOf(range), args));
    }
}
