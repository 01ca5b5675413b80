using System.Linq;
using ArticleGen.Common;
using ArticleGen.Model;

namespace ArticleGen.Emit;

/// <summary>
/// Writes one chunk of a store (<see cref="ChunkFile"/>): its entries' data, as a method of the store class, and
/// their static properties, on their collection types. One file per chunk lets the generator driver keep every
/// chunk an edit did not touch, and lets the compiler's string-heap budget be shared out chunk by chunk.
/// </summary>
internal static class ChunkEmitter
{
    public static string HintName(ChunkFile chunk) =>
        CatalogEmitter.HintName(chunk.Owner).Replace(".g.cs", ".Store." + CSharpText.Int(chunk.Number) + ".g.cs");

    public static string MethodName(int chunk) => "Chunk" + CSharpText.Int(chunk);

    public static string Emit(ChunkFile chunk)
    {
        var writer = new SourceWriter();
        CatalogEmitter.WriteHeader(writer);
        // A chunk is data and one-line getters whose types are declared: flow analysis finds nothing in them and, over
        // 10,000 entry properties, costs the compiler about a tenth of a second in every build. Annotations stay on.
        writer.Line("#nullable disable warnings");
        writer.Line("// Chunk " + CSharpText.Int(chunk.Number) + " of ArticleGen's content store for " + string.Join(", ", chunk.Schemas.Select(s => s.Name))
            + ": the data of " + CSharpText.Int(chunk.Entries.Count) + (chunk.Entries.Count == 1 ? " entry" : " entries") + ", read by the store's New… and Read… methods on first use");
        writer.Line("// (the format is described in ArticleGen's docs/generated-code.md), then their entry properties.");
        writer.Line();
        CatalogEmitter.OpenTypeDeclaration(writer, chunk.Owner);
        writer.OpenBlock("partial class " + ContentStore.ClassName);
        using (var data = new DataWriter())
        {
            new StoreLayout(chunk.Schemas).WriteChunk(chunk, data);
            DataLiteral.WriteMethod(writer, MethodName(chunk.Number), data.Buffer, data.Length, chunk.PackedAllowance, chunk.Owner.HasUtf8Literals);
        }

        writer.CloseBlock();
        CatalogEmitter.CloseTypeDeclaration(writer, chunk.Owner);

        var storeName = chunk.Owner.TypeName + "." + ContentStore.ClassName;
        foreach (var bySlot in chunk.Entries.GroupBy(e => e.Slot).OrderBy(g => g.Key))
        {
            var schema = chunk.Schemas[bySlot.Key];
            writer.Line();
            CatalogEmitter.OpenTypeDeclaration(writer, schema);
            var first = true;
            foreach (var entry in bySlot.OrderBy(e => chunk.ByPathHash ? e.PlaceInChunk : e.Index))
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                writer.Line("/// <summary>", XmlDoc.Escape(entry.Article.Title ?? entry.Article.Slug), "</summary>");
                writer.Line("/// <remarks>From <c>", XmlDoc.Escape(entry.Article.RelativePath), "</c>.</remarks>");
                writer.Line(CatalogEmitter.GeneratedCodeAttribute);
                writer.Line("public static " + schema.TypeName + " " + entry.MemberName + " => " + storeName + (chunk.ByPathHash
                    ? ".Member(" + CSharpText.Int(chunk.Number) + ", " + CSharpText.Int(entry.PlaceInChunk) + ");"
                    : ".Entry" + CSharpText.Int(entry.Slot) + "(" + CSharpText.Int(entry.Index) + ");"));
            }

            CatalogEmitter.CloseTypeDeclaration(writer, schema);
        }

        return writer.ToString();
    }
}
