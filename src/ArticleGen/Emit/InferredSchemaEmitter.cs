using System.Linq;
using ArticleGen.Schema;

namespace ArticleGen.Emit;

/// <summary>
/// The properties inferred for a collection that declares none (contract §7), as the partial declaration's other half,
/// and the records its mappings became. Marked generated, so ArticleGen (generator and analyzer alike) never reads them
/// as the user's own: the declaration stays one that infers, until the code fix writes the schema out.
/// </summary>
internal static class InferredSchemaEmitter
{
    public static string HintName(CollectionSchema schema) => CatalogEmitter.HintName(schema).Replace(".g.cs", ".Schema.g.cs");

    public static string Emit(CollectionSchema schema, ProjectOptions options)
    {
        var writer = new SourceWriter();
        CatalogEmitter.WriteHeader(writer);
        writer.Line("// The front-matter properties ArticleGen inferred from the collection's " + schema.InferredFrom.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + " files (ART022); the code fix \"Write the inferred schema\" writes them into your declaration.");
        writer.Line();
        var accessor = schema.HasInitAccessors || options.PolyfillsIsExternalInit ? "init" : "set";
        CatalogEmitter.OpenTypeDeclaration(writer, schema);
        WriteProperties(writer, schema.Root, schema, accessor);
        CatalogEmitter.CloseTypeDeclaration(writer, schema);

        // The records of its mappings, beside the collection type.
        var prefix = schema.Namespace is null ? "global::" : "global::" + schema.Namespace + ".";
        // An inferring declaration has no nested types of its own: every one named after it was inferred (ArticleHeading is not).
        var records = schema.NestedTypes.AsImmutableArray().Where(n => n.TypeName.StartsWith(prefix + schema.Name, System.StringComparison.Ordinal)).ToList();
        if (records.Count > 0)
        {
            writer.Line();
            if (schema.Namespace is not null)
            {
                writer.OpenBlock("namespace " + schema.Namespace);
            }

            foreach (var record in records)
            {
                writer.Line("/// <summary>A mapping of " + XmlDoc.Escape(schema.Name) + "'s front matter, as its files write it.</summary>");
                writer.Line(CatalogEmitter.GeneratedCodeAttribute);
                writer.OpenBlock("public sealed " + schema.Keyword.Replace("record struct", "record") + " " + record.DisplayName);
                WriteProperties(writer, record, schema, accessor);
                writer.CloseBlock();
            }

            if (schema.Namespace is not null)
            {
                writer.CloseBlock();
            }
        }

        return writer.ToString();
    }

    private static void WriteProperties(SourceWriter writer, ObjectShape shape, CollectionSchema schema, string accessor)
    {
        var first = true;
        foreach (var property in shape.Properties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            var type = property.Type;
            var typeText = TypeText(type);
            var required = property.IsRequired && schema.HasRequiredMembers;
            var initializer = required || type.IsNullable ? "" : type.Kind switch
            {
                ValueKind.List => " = global::System.Array.Empty<" + TypeText(type.Element!) + ">();",
                ValueKind.String => " = \"\";",
                ValueKind.Object => " = null!;",
                _ => "",
            };
            writer.Line("/// <summary>The front matter's <c>" + XmlDoc.Escape(property.Key) + "</c>" + (property.IsRequired ? "" : ", when a file writes it") + ".</summary>");
            writer.Line(CatalogEmitter.GeneratedCodeAttribute);
            if (property.HasExplicitKey)
            {
                // What the written-out schema needs to bind the key back (the generated property itself is never read).
                writer.Line("[global::ArticleGen.ArticleField(" + CSharpText.String(property.Key) + ")]");
            }

            writer.Line("public " + (required ? "required " : "") + typeText + " " + CSharpText.Identifier(property.Name) + " { get; " + accessor + "; }" + initializer);
        }
    }

    /// <summary>The type as a declaration writes it: <c>string?</c>, <c>IReadOnlyList&lt;long&gt;</c>, a record.</summary>
    internal static string TypeText(FieldType type) => type.Kind == ValueKind.List
        ? "global::System.Collections.Generic.IReadOnlyList<" + TypeText(type.Element!) + ">" + (type.IsNullable ? "?" : "")
        : type.NullableTypeName;
}
