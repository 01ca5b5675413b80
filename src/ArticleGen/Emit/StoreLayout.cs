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
internal sealed partial class StoreLayout
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
