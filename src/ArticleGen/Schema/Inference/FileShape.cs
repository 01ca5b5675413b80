using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ArticleGen.Common;
using ArticleGen.Parsing;
using Microsoft.CodeAnalysis;

namespace ArticleGen.Schema.Inference;

/// <summary>A collection whose schema is inferred, as a file's shape step needs it: its type and its glob, read once.</summary>
internal sealed record InferringCollection(string TypeName, Glob Glob);

/// <summary>One file's front-matter shape, for the collection whose glob matches it.</summary>
/// <param name="CollectionTypeName">The collection.</param>
/// <param name="RelativePath">The file, relative to the project: the shapes are merged in this order, so the schema never depends on the order the compiler lists the files in.</param>
/// <param name="Shape">The front matter's shape, as <see cref="ShapeText"/> writes it: one string is what the driver keeps per file.</param>
internal sealed record FileShape(string CollectionTypeName, string RelativePath, string Shape)
{
    /// <summary>The shape of a front matter of the collection <paramref name="collectionTypeName"/>.</summary>
    public static FileShape Of(string collectionTypeName, string relativePath, YamlNode frontMatter) =>
        new(collectionTypeName, relativePath, ShapeReader.ReadText(frontMatter));

    /// <summary>The shape of <paramref name="file"/>, or null when no inferring collection holds it or it has no readable front matter.</summary>
    public static FileShape? Read(MarkdownFile file, string projectDirectory, EquatableArray<InferringCollection> collections, CancellationToken cancellationToken)
    {
        var relativePath = ProjectOptions.RelativePathOf(projectDirectory, file.Path);
        var collection = collections.AsImmutableArray().FirstOrDefault(c => c.Glob.IsMatch(relativePath));
        if (collection is null)
        {
            return null;
        }

        var parsed = ArticleSource.Read(file, projectDirectory, bodiesPacked: true, cancellationToken);
        return parsed.FrontMatter is { } frontMatter ? Of(collection.TypeName, relativePath, frontMatter) : null;
    }

    /// <summary><paramref name="schemas"/>, each that declares no front-matter property with the schema its files' shapes give.</summary>
    public static EquatableArray<CollectionSchema> Infer(EquatableArray<CollectionSchema> schemas, IEnumerable<FileShape?> files)
    {
        if (!schemas.AsImmutableArray().Any(s => s.InfersSchema && s.IsValid))
        {
            return schemas;
        }

        var byCollection = new Dictionary<string, ValueShape>(System.StringComparer.Ordinal);
        foreach (var collection in files.Where(f => f is not null).Select(f => f!).GroupBy(f => f.CollectionTypeName, System.StringComparer.Ordinal))
        {
            byCollection.Add(collection.Key, Merge(collection));
        }

        return schemas
            .Select(s => s.InfersSchema && s.IsValid ? SchemaInference.Infer(s, byCollection.TryGetValue(s.TypeName, out var shape) ? shape : null) : s)
            .ToEquatableArray();
    }

    /// <summary>
    /// The merge of files' shapes, as if taken one after another in path order (so that the result never depends on
    /// the order the compiler lists the files in). Files of the same shape are merged as one, as many times as there
    /// are: a site's files mostly share a few shapes. Each shape is taken at the first path that has it, which orders
    /// the keys as one file after another would, without sorting every path.
    /// </summary>
    public static ValueShape Merge(IEnumerable<FileShape> files)
    {
        var byShape = new Dictionary<string, (string FirstPath, int Count)>(System.StringComparer.Ordinal);
        foreach (var file in files)
        {
            byShape[file.Shape] = byShape.TryGetValue(file.Shape, out var seen)
                ? (string.CompareOrdinal(file.RelativePath, seen.FirstPath) < 0 ? file.RelativePath : seen.FirstPath, seen.Count + 1)
                : (file.RelativePath, 1);
        }

        var merged = new ShapeBuilder();
        // Two files of one relative path (a name with '\' beside one with '/') tie: the shape's text decides, not the input order.
        foreach (var shape in byShape.OrderBy(s => s.Value.FirstPath, System.StringComparer.Ordinal).ThenBy(s => s.Key, System.StringComparer.Ordinal))
        {
            merged.Add(ShapeText.Read(shape.Key), shape.Value.Count);
        }

        return merged.Build();
    }
}
