using System.Collections.Immutable;
using System.Linq;
using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Model;
using ArticleGen.Schema;

namespace ArticleGen.Emit;

/// <summary>
/// Writes one collection's catalog: the static members on the declared type (<c>All</c>, <c>Count</c>, <c>Get</c>,
/// <c>TryGet</c>, one property per entry) and the instance members it lacks (<c>Id</c>, <c>Slug</c>, <c>Body</c>,
/// <c>SourcePath</c>). The entries themselves live in the collection's <see cref="ContentStore"/>.
/// </summary>
internal static class CatalogEmitter
{
    public static readonly string GeneratedCodeAttribute =
        "[" + GeneratorInfo.AttributeName + "(" + CSharpText.String(GeneratorInfo.Name) + ", " + CSharpText.String(GeneratorInfo.Version) + ")]";

    public static string HintName(CollectionSchema schema) =>
        schema.TypeName.Replace("global::", "").Replace('<', '[').Replace('>', ']') + ".g.cs";

    public static string Emit(CatalogFile file, ProjectOptions options)
    {
        var schema = file.Schema;
        var writer = new SourceWriter();
        var type = schema.TypeName;
        var storeName = file.Owner.TypeName + "." + ContentStore.ClassName;
        var slot = CSharpText.Int(file.Slot);

        WriteHeader(writer);
        OpenTypeDeclaration(writer, schema);

        writer.Line("/// <summary>Every entry of the collection, ordered by source path.</summary>");
        writer.Line(GeneratedCodeAttribute);
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<" + type + "> All => " + storeName + ".All" + slot + ";");
        writer.Line();
        // A property, not a constant: an empty catalog must not make 'if (T.Count > 0)' unreachable code (CS0162), and
        // other assemblies must not bake the number in.
        writer.Line("/// <summary>The number of entries in the collection.</summary>");
        writer.Line(GeneratedCodeAttribute);
        writer.Line("public static int Count => " + CSharpText.Int(file.Count) + ";");
        writer.Line();
        writer.Line("/// <summary>Returns the entry whose slug is <paramref name=\"slug\"/>, compared ordinally.</summary>");
        writer.Line("/// <param name=\"slug\">The entry's slug.</param>");
        writer.Line("/// <returns>The entry.</returns>");
        writer.Line("/// <exception cref=\"global::System.Collections.Generic.KeyNotFoundException\">No entry has that slug.</exception>");
        writer.Line(GeneratedCodeAttribute);
        writer.OpenBlock("public static " + type + " Get(string slug)");
        writer.Line("return TryGet(slug, out var entry)");
        writer.Line("    ? entry!");
        writer.Line("    : throw new global::System.Collections.Generic.KeyNotFoundException(" + CSharpText.String(schema.Name + " has no entry with the slug '") + " + slug + \"'.\");");
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>Looks up the entry whose slug is <paramref name=\"slug\"/>, compared ordinally.</summary>");
        writer.Line("/// <param name=\"slug\">The entry's slug.</param>");
        writer.Line("/// <param name=\"entry\">The entry, or null when no entry has that slug.</param>");
        writer.Line("/// <returns>Whether an entry has that slug.</returns>");
        writer.Line(GeneratedCodeAttribute);
        var notNullWhen = schema.HasNotNullWhen || options.PolyfillsNotNullWhen ? "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] " : "";
        writer.OpenBlock("public static bool TryGet(string slug, " + notNullWhen + "out " + type + "? entry)");
        writer.OpenBlock("if (slug is not null && " + storeName + ".Slugs" + slot + ".TryGetValue(slug, out var index))");
        writer.Line("entry = " + storeName + ".Entry" + slot + "(index);");
        writer.Line("return true;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("entry = null;");
        writer.Line("return false;");
        writer.CloseBlock();

        var accessor = schema.HasInitAccessors || options.PolyfillsIsExternalInit ? "init" : "set";
        WriteEntryMember(writer, schema, GeneratedMembers.Id, "Id", "The entry's path relative to the collection's base directory, without extension.", accessor);
        WriteEntryMember(writer, schema, GeneratedMembers.Slug, "Slug", "The entry's slug: its front matter's <c>slug</c>, or else its file name without extension.", accessor);
        WriteEntryMember(writer, schema, GeneratedMembers.Body, "Body", "The article's text after its front matter, with line endings normalised to <c>\\n</c>.", accessor);
        WriteEntryMember(writer, schema, GeneratedMembers.SourcePath, "SourcePath", "The article's path relative to the project directory, '/'-separated.", accessor);
        WriteEntryMember(writer, schema, GeneratedMembers.Url, "Url", "The entry's address: <c>" + XmlDoc.Escape(schema.UrlPattern ?? "") + "</c> with its slug and id put in. Links to the article's file from other articles are rendered as this.", accessor);

        CloseTypeDeclaration(writer, schema);
        return writer.ToString();
    }

    /// <summary>The header every generated file starts with.</summary>
    public static void WriteHeader(SourceWriter writer)
    {
        writer.Line("// <auto-generated/>");
        writer.Line("#nullable enable");
        writer.Line("// An [Obsolete] property still receives its front-matter value.");
        writer.Line("#pragma warning disable CS0612, CS0618");
        writer.Line();
    }

    /// <summary>The partial declarations down to <paramref name="schema"/>'s type.</summary>
    public static void OpenTypeDeclaration(SourceWriter writer, CollectionSchema schema)
    {
        if (schema.Namespace is not null)
        {
            writer.OpenBlock("namespace " + schema.Namespace);
        }

        foreach (var container in schema.ContainingTypes)
        {
            writer.OpenBlock("partial " + container.Keyword + " " + container.Name);
        }

        writer.OpenBlock("partial " + schema.Keyword + " " + schema.Name);
    }

    public static void CloseTypeDeclaration(SourceWriter writer, CollectionSchema schema)
    {
        writer.CloseBlock();
        foreach (var _ in schema.ContainingTypes)
        {
            writer.CloseBlock();
        }

        if (schema.Namespace is not null)
        {
            writer.CloseBlock();
        }
    }

    /// <summary>The entry as the object the store builds: the members from the file, then the front matter's values.</summary>
    /// <param name="article">The article.</param>
    /// <param name="value">Its front matter's values, references resolved.</param>
    public static ObjectValue EntryValue(BoundArticle article, ObjectValue value)
    {
        // Built in place: this runs for every entry of every chunk written.
        var properties = ImmutableArray.CreateBuilder<PropertyValue>(ShapeKey.FileMembers.Length + value.Properties.Count);

        // In this order, each written by the one before it where it can be: the body (when packed) is named by the
        // source path, the id is part of the source path, the slug is usually the id (docs/generated-code.md).
        properties.Add(new PropertyValue("SourcePath", new StringValue(article.RelativePath)));
        properties.Add(new PropertyValue("Body", article.PackedBody is not { } packed ? new StringValue(article.Body) : new ResourceBodyValue(packed == article.RelativePath ? null : packed)));
        properties.Add(new PropertyValue("Id", PartOfPreviousStringValue.Of(article.RelativePath, article.Id)));
        properties.Add(new PropertyValue("Slug", article.Slug == article.Id ? SameAsPreviousStringValue.Instance : new StringValue(article.Slug)));
        foreach (var property in value.Properties)
        {
            properties.Add(property);
        }

        return value with { Properties = new EquatableArray<PropertyValue>(properties.MoveToImmutable()) };
    }

    private static void WriteEntryMember(SourceWriter writer, CollectionSchema schema, GeneratedMembers member, string name, string summary, string accessor)
    {
        if ((schema.GeneratedMembers & member) == 0)
        {
            return;
        }

        writer.Line();
        writer.Line("/// <summary>" + summary + "</summary>");
        writer.Line(GeneratedCodeAttribute);
        writer.Line("public string " + name + " { get; " + accessor + "; } = \"\";");
    }
}
