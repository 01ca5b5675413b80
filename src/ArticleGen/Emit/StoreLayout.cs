using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ArticleGen.Binding;
using ArticleGen.Model;
using ArticleGen.Schema;

namespace ArticleGen.Emit;

/// <summary>
/// How a <see cref="ContentStore"/> is written as data: every entry becomes a run of tokens in one UTF-8 text, and
/// the generated code is one small reader method per field type and per object shape, not one object initializer
/// per entry. The code's size depends on the schema, not on the number of articles: a catalog of 50,000 articles
/// compiles in seconds, its strings never reach the assembly's 16 MB string heap (CS8103), and its first use runs
/// a handful of methods instead of JIT-compiling megabytes of initializers.
/// </summary>
/// <remarks>
/// Tokens: a string is <c>{UTF-8 byte count}:{bytes}</c>, or <c>{UTF-16 unit count}!{4 hex digits per unit}</c> when it
/// holds a lone surrogate (which UTF-8 cannot carry); every number is a string of its invariant text; <c>~</c> is null.
/// An object is the number of its shape (which of its properties are present, in order), then their values; a list
/// or dictionary is its count, then its items; a reference is the slot and index of the entry it names.
/// </remarks>
internal sealed class StoreLayout
{
    private readonly Dictionary<FieldType, int> _readers = new();

    /// <summary>The same lookup by reference: the schema's field types are shared objects, and hashing a record deeply for every value costs.</summary>
    private readonly Dictionary<FieldType, int> _readersByReference = new(Model.ReferenceIdentity<FieldType>.Instance);
    private readonly List<FieldType> _readerTypes = [];
    private readonly Dictionary<string, ObjectReader> _objects = new(StringComparer.Ordinal);
    private readonly List<ObjectReader> _objectOrder = [];
    private readonly ContentStore _store;

    private StoreLayout(ContentStore store) => _store = store;

    /// <summary>An object type's reader: the shapes its values take, each the list of properties present.</summary>
    private sealed class ObjectReader(int number, string typeName, Func<string, FieldType> propertyType)
    {
        private readonly Dictionary<string, FieldType> _propertyTypes = new(StringComparer.Ordinal);

        public int Number { get; } = number;

        public string TypeName { get; } = typeName;

        public FieldType PropertyType(string name)
        {
            if (!_propertyTypes.TryGetValue(name, out var type))
            {
                _propertyTypes.Add(name, type = propertyType(name));
            }

            return type;
        }

        public List<string[]> Shapes { get; } = [];

        public int ShapeOf(ObjectValue value)
        {
            var names = value.Properties.Select(p => p.Name).ToArray();
            for (var i = 0; i < Shapes.Count; i++)
            {
                if (Shapes[i].SequenceEqual(names, StringComparer.Ordinal))
                {
                    return i;
                }
            }

            Shapes.Add(names);
            return Shapes.Count - 1;
        }
    }

    /// <summary>Lays out <paramref name="store"/>: the data text, and what the readers must know to read it back.</summary>
    public static (StoreLayout Layout, string Data) Write(ContentStore store)
    {
        var layout = new StoreLayout(store);
        var data = new StringBuilder();
        foreach (var position in store.ConstructionOrder)
        {
            var catalog = store.Catalogs[position.Slot];
            Token(data, Int(position.Slot));
            Token(data, Int(position.Index));
            layout.WriteObject(data, CatalogEmitter.EntryValue(catalog.Entries[position.Index]), layout.RootReader(catalog));
        }

        return (layout, data.ToString());
    }

    /// <summary>The reader of a collection type's entries, whose shapes begin with the members from the file.</summary>
    private ObjectReader RootReader(Catalog catalog) =>
        ObjectReaderFor(catalog.Schema.TypeName, name => name is "Id" or "Slug" or "Body" or "SourcePath"
            ? new FieldType(ValueKind.String, "string", "string", IsNullable: false)
            : catalog.Schema.Root.Properties.First(p => p.Name == name).Type);

    private ObjectReader ObjectReaderFor(string typeName, Func<string, FieldType> propertyType)
    {
        if (!_objects.TryGetValue(typeName, out var reader))
        {
            reader = new ObjectReader(_objects.Count, typeName, propertyType);
            _objects.Add(typeName, reader);
            _objectOrder.Add(reader);
        }

        return reader;
    }

    private ObjectReader NestedReader(string typeName)
    {
        var shape = _store.Catalogs.Select(c => c.Schema.FindObject(typeName)).First(s => s is not null)!;
        return ObjectReaderFor(typeName, name => shape.Properties.First(p => p.Name == name).Type);
    }

    /// <summary>The number of the method that reads a value of <paramref name="type"/>.</summary>
    private int ReaderOf(FieldType type)
    {
        if (_readersByReference.TryGetValue(type, out var number))
        {
            return number;
        }

        if (!_readers.TryGetValue(type, out number))
        {
            number = _readerTypes.Count;
            _readers.Add(type, number);
            _readerTypes.Add(type);
        }

        _readersByReference.Add(type, number);
        return number;
    }

    private void WriteObject(StringBuilder data, ObjectValue value, ObjectReader reader)
    {
        Token(data, Int(reader.ShapeOf(value)));
        foreach (var property in value.Properties)
        {
            WriteValue(data, property.Value, reader.PropertyType(property.Name));
        }
    }

    private void WriteValue(StringBuilder data, BoundValue value, FieldType type)
    {
        ReaderOf(type);
        switch (value)
        {
            case NullValue:
                data.Append('~');
                return;
            case StringValue s:
                Token(data, s.Value);
                return;
            case UriValue u:
                Token(data, u.Value);
                return;
            case GuidValue g:
                Token(data, g.Value);
                return;
            case BooleanValue b:
                Token(data, b.Value ? "1" : "0");
                return;
            case Int32Value i:
                Token(data, Int(i.Value));
                return;
            case Int64Value l:
                Token(data, Long(l.Value));
                return;
            case DoubleValue d:
                Token(data, d.Value.ToString("R", CultureInfo.InvariantCulture));
                return;
            case DecimalValue m:
                Token(data, m.Value.ToString(CultureInfo.InvariantCulture));
                return;
            case DateTimeValue t:
                Token(data, Long(t.UtcTicks));
                return;
            case DateTimeOffsetValue o:
                Token(data, Long(o.ClockTicks));
                Token(data, Long(o.OffsetTicks));
                return;
            case DateOnlyValue d:
                Token(data, Int(d.Year));
                Token(data, Int(d.Month));
                Token(data, Int(d.Day));
                return;
            case TimeOnlyValue t:
                Token(data, Long(t.Ticks));
                return;
            case TimeSpanValue t:
                Token(data, Long(t.Ticks));
                return;
            case EnumValue e:
                Token(data, Int(IndexOf(type.EnumMembers, e.Member)));
                return;
            case ObjectValue obj:
                WriteObject(data, obj, NestedReader(obj.TypeName));
                return;
            case ListValue list:
                Token(data, Int(list.Items.Count));
                foreach (var item in list.Items)
                {
                    WriteValue(data, item, type.Element!);
                }

                return;
            case DictionaryValue dictionary:
                Token(data, Int(dictionary.Entries.Count));
                foreach (var entry in dictionary.Entries)
                {
                    Token(data, entry.Key);
                    WriteValue(data, entry.Value, type.Element!);
                }

                return;
            case EntryReferenceValue reference:
                Token(data, Int(reference.Position.Slot));
                Token(data, Int(reference.Position.Index));
                return;
            case ReferenceListValue references:
                Token(data, Int(references.Items.Count));
                foreach (var position in references.Items)
                {
                    Token(data, Int(position.Slot));
                    Token(data, Int(position.Index));
                }

                return;
            default:
                throw new InvalidOperationException("Unexpected value " + value.GetType().Name);
        }
    }

    /// <summary>Writes the reader methods: one per object type, one per field type met in the data.</summary>
    public void WriteReaders(SourceWriter writer)
    {
        // Every reader another one calls must exist before any is written: grow the lists to their closure.
        int objects, types;
        do
        {
            (objects, types) = (_objectOrder.Count, _readerTypes.Count);
            foreach (var reader in _objectOrder.ToList())
            {
                foreach (var name in reader.Shapes.SelectMany(shape => shape))
                {
                    ReaderOf(reader.PropertyType(name));
                }
            }

            foreach (var type in _readerTypes.ToList())
            {
                if (type.Kind == ValueKind.Object)
                {
                    NestedReader(type.TypeName);
                }
                else if (type.Element is not null)
                {
                    ReaderOf(type.Element);
                }
            }
        }
        while (objects != _objectOrder.Count || types != _readerTypes.Count);

        foreach (var reader in _objectOrder)
        {
            WriteObjectReader(writer, reader);
        }

        for (var i = 0; i < _readerTypes.Count; i++)
        {
            WriteFieldReader(writer, i, _readerTypes[i]);
        }
    }

    /// <summary>The statement that reads the entry of <paramref name="catalog"/> into its place.</summary>
    public string ReadEntry(Catalog catalog) => "Object" + Int(RootReader(catalog).Number) + "(r)";

    private void WriteObjectReader(SourceWriter writer, ObjectReader reader)
    {
        writer.Line();
        writer.OpenBlock("private static " + reader.TypeName + " Object" + Int(reader.Number) + "(DataReader r)");
        writer.OpenBlock("switch (r.Int32())");
        for (var shape = 0; shape < reader.Shapes.Count; shape++)
        {
            var names = reader.Shapes[shape];
            var initializers = names.Select(name => CSharpText.Identifier(name) + " = Read" + Int(ReaderOf(reader.PropertyType(name))) + "(r)");
            writer.Line("case " + Int(shape) + ": return new " + reader.TypeName + (names.Length == 0 ? "()" : " { " + string.Join(", ", initializers) + " }") + ";");
        }

        writer.Line("default: throw new global::System.InvalidOperationException(\"ArticleGen's catalog data is corrupt.\");");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private void WriteFieldReader(SourceWriter writer, int number, FieldType type)
    {
        var returnType = ReturnType(type);
        writer.Line();
        writer.OpenBlock("private static " + returnType + " Read" + Int(number) + "(DataReader r)");
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
                writer.Line("items.Add(key, Read" + Int(ReaderOf(valueType)) + "(r));");
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
            writer.Line("return new ReferenceList<" + elementType + ">(r.Positions());");
            return;
        }

        writer.Line("var items = new " + ArrayOf(elementType) + ";");
        writer.OpenBlock("for (var i = 0; i < items.Length; i++)");
        writer.Line("items[i] = Read" + Int(ReaderOf(element)) + "(r);");
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
        ValueKind.Boolean => "r.String() == \"1\"",
        ValueKind.Int32 => "r.Int32()",
        ValueKind.Int64 => "r.Int64()",
        ValueKind.Double => "double.Parse(r.String(), global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture)",
        ValueKind.Decimal => "decimal.Parse(r.String(), global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture)",
        ValueKind.DateTime => "new global::System.DateTime(r.Int64(), global::System.DateTimeKind.Utc)",
        ValueKind.DateTimeOffset => "new global::System.DateTimeOffset(r.Int64(), new global::System.TimeSpan(r.Int64()))",
        ValueKind.DateOnly => "new global::System.DateOnly(r.Int32(), r.Int32(), r.Int32())",
        ValueKind.TimeOnly => "new global::System.TimeOnly(r.Int64())",
        ValueKind.TimeSpan => "new global::System.TimeSpan(r.Int64())",
        ValueKind.Uri => "new global::System.Uri(r.String(), global::System.UriKind.RelativeOrAbsolute)",
        ValueKind.Guid => "new global::System.Guid(r.String())",
        ValueKind.Object => "Object" + Int(NestedReader(type.TypeName).Number) + "(r)",
        ValueKind.Reference => "(" + type.TypeName + ")Entry(r.Int32(), r.Int32())",
        _ => throw new InvalidOperationException("Unexpected kind " + type.Kind),
    };

    private string ReturnType(FieldType type) => type.Kind switch
    {
        ValueKind.List when type.ListKind == ListKind.Array => ReturnType(type.Element!) + "[]" + (type.IsNullable ? "?" : ""),
        _ => type.NullableTypeName,
    };

    private static int IndexOf(Common.EquatableArray<string> members, string member)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] == member)
            {
                return i;
            }
        }

        throw new InvalidOperationException("Unknown enum member " + member);
    }

    private static void Token(StringBuilder data, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogate(value[i]) && !(char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[++i])))
            {
                // A lone surrogate: UTF-8 cannot carry it, so the string goes as UTF-16 code units in hexadecimal.
                data.Append(Int(value.Length)).Append('!');
                foreach (var unit in value)
                {
                    data.Append(((int)unit).ToString("x4", CultureInfo.InvariantCulture));
                }

                return;
            }
        }

        data.Append(Int(Encoding.UTF8.GetByteCount(value))).Append(':').Append(value);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);
}
