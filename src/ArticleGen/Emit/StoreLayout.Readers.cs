using System;
using System.Collections.Generic;
using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Schema;

namespace ArticleGen.Emit;

/// <summary>The generated methods that read back what <see cref="StoreLayout"/> wrote, one per object type and field type.</summary>
internal sealed partial class StoreLayout
{
    /// <summary>Writes the reader methods: one per object type, with a case per shape in use, and one per field type.</summary>
    public void WriteReaders(SourceWriter writer, EquatableArray<ShapeKey> shapes)
    {
        foreach (var layout in _objectOrder)
        {
            var used = new List<ShapeKey>();
            foreach (var shape in shapes)
            {
                if (shape.TypeName == layout.TypeName)
                {
                    used.Add(shape);
                }
            }

            WriteObjectReader(writer, layout, used);
        }

        for (var i = 0; i < _readerTypes.Count; i++)
        {
            WriteFieldReader(writer, i, _readerTypes[i]);
        }
    }

    /// <summary>The expression that reads an entry of the collection at <paramref name="slot"/>.</summary>
    public string ReadEntry(int slot) => _roots[slot].ReaderName + "(r)";

    private void WriteObjectReader(SourceWriter writer, ObjectLayout layout, List<ShapeKey> shapes)
    {
        writer.Line();
        writer.OpenBlock("private static " + layout.TypeName + " " + layout.ReaderName + "(DataReader r)");
        writer.OpenBlock(layout.ShapeIsInt64 ? "switch (r.Int64())" : "switch (r.String())");
        foreach (var shape in shapes)
        {
            var reads = new List<string>();
            var initializers = new List<string>();
            for (var i = 0; i < layout.Names.Length; i++)
            {
                if (shape.Has(i))
                {
                    reads.Add(ReaderName(layout.Types[i]) + "(r)");
                    initializers.Add(CSharpText.Identifier(layout.Names[i]) + " = " + reads[reads.Count - 1]);
                }
            }

            var label = layout.ShapeIsInt64 ? CSharpText.Long(shape.ToInt64()) : CSharpText.String(shape.Mask);
            if (layout.IsConstructed)
            {
                // Arguments are evaluated left to right, the order the data holds the values in.
                writer.Line("case " + label + ": return new " + layout.TypeName + "(" + string.Join(", ", reads) + ");");
                continue;
            }

            writer.Line("case " + label + ": return new " + layout.TypeName + (initializers.Count == 0 ? "()" : " { " + string.Join(", ", initializers) + " }") + ";");
        }

        writer.Line("default: throw new global::System.InvalidOperationException(\"ArticleGen's catalog data is corrupt.\");");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private void WriteFieldReader(SourceWriter writer, int number, FieldType type)
    {
        var returnType = ReturnType(type);
        writer.Line();
        writer.OpenBlock("private static " + returnType + " " + _readerNames[number] + "(DataReader r)");
        if (type.IsNullable)
        {
            writer.OpenBlock("if (r.Null())");
            writer.Line("return null;");
            writer.CloseBlock();
            writer.Line();
        }

        switch (type.Kind)
        {
            case ValueKind.List:
                WriteListReader(writer, type);
                break;
            case ValueKind.Dictionary:
                var valueType = type.Element!;
                var dictionary = "global::System.Collections.Generic.Dictionary<string, " + ReturnType(valueType) + ">";
                writer.Line("var count = r.Int32();");
                writer.Line("var items = new " + dictionary + "(count, global::System.StringComparer.Ordinal);");
                writer.OpenBlock("for (var i = 0; i < count; i++)");
                writer.Line("var key = r.String();");
                writer.Line("items.Add(key, " + ReaderName(valueType) + "(r));");
                writer.CloseBlock();
                writer.Line("return new global::System.Collections.ObjectModel.ReadOnlyDictionary<string, " + ReturnType(valueType) + ">(items);");
                break;
            case ValueKind.Enum:
                writer.OpenBlock("switch (r.Int32())");
                for (var i = 0; i < type.EnumMembers.Count; i++)
                {
                    writer.Line("case " + Int(i) + ": return " + type.TypeName + "." + CSharpText.Identifier(type.EnumMembers[i]) + ";");
                }

                writer.Line("default: throw new global::System.InvalidOperationException(\"ArticleGen's catalog data is corrupt.\");");
                writer.CloseBlock();
                break;
            default:
                writer.Line("return " + ScalarRead(type) + ";");
                break;
        }

        writer.CloseBlock();
    }

    private void WriteListReader(SourceWriter writer, FieldType type)
    {
        var element = type.Element!;
        var elementType = ReturnType(element);
        if (type.ListKind == ListKind.ReadOnlyList && element.Kind == ValueKind.Reference)
        {
            // Found when read, so two entries may list each other (contract §4).
            writer.Line("return new ReferenceList<" + elementType + ">(r.State, r.Positions());");
            return;
        }

        writer.Line("var items = new " + ArrayOf(elementType) + ";");
        writer.OpenBlock("for (var i = 0; i < items.Length; i++)");
        writer.Line("items[i] = " + ReaderName(element) + "(r);");
        writer.CloseBlock();
        writer.Line(type.ListKind switch
        {
            ListKind.List => "return new " + type.TypeName + "(items);",
            ListKind.ImmutableArray => "return global::System.Collections.Immutable.ImmutableArray.Create(items);",
            _ => "return items;",
        });
    }

    /// <summary><c>new T[r.Int32()]</c>, with the count inside the innermost brackets for an array of arrays.</summary>
    private static string ArrayOf(string elementType)
    {
        var bracket = elementType.IndexOf('[');
        return bracket < 0
            ? elementType + "[r.Int32()]"
            : elementType.Substring(0, bracket) + "[r.Int32()]" + elementType.Substring(bracket);
    }

    private string ScalarRead(FieldType type) => type.Kind switch
    {
        ValueKind.String => "r.String()",
        ValueKind.Body => "r.Body()",
        ValueKind.Html => "r.Html()",
        ValueKind.Boolean => "r.String() == \"1\"",
        ValueKind.Int32 => "r.Int32()",
        ValueKind.Int64 => "r.Int64()",
        ValueKind.Double => "global::System.BitConverter.Int64BitsToDouble(r.Int64())",
        ValueKind.Decimal => "decimal.Parse(r.String(), global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture)",
        ValueKind.DateTime => "new global::System.DateTime(r.Int64(), global::System.DateTimeKind.Utc)",
        ValueKind.DateTimeOffset => "new global::System.DateTimeOffset(r.Int64(), new global::System.TimeSpan(r.Int64()))",
        ValueKind.DateOnly => "new global::System.DateOnly(r.Int32(), r.Int32(), r.Int32())",
        ValueKind.TimeOnly => "new global::System.TimeOnly(r.Int64())",
        ValueKind.TimeSpan => "new global::System.TimeSpan(r.Int64())",
        ValueKind.Uri => "new global::System.Uri(r.String(), global::System.UriKind.RelativeOrAbsolute)",
        ValueKind.Guid => "new global::System.Guid(r.String())",
        ValueKind.Object => _objects[type.TypeName].ReaderName + "(r)",
        ValueKind.Reference => "(" + type.TypeName + ")EntryIn(r.State, r.Int32(), r.Int32())",
        _ => throw new InvalidOperationException("Unexpected kind " + type.Kind),
    };

    private string ReaderName(FieldType type) => _readerNames[ReaderOf(type)];

    private string ReturnType(FieldType type) => type.Kind switch
    {
        ValueKind.List when type.ListKind == ListKind.Array => ReturnType(type.Element!) + "[]" + (type.IsNullable ? "?" : ""),
        _ => type.NullableTypeName,
    };
}
