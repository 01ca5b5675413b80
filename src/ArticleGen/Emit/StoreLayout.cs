using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Model;
using ArticleGen.Schema;

namespace ArticleGen.Emit;

/// <summary>
/// How a store's entries are written as data: every entry becomes a run of tokens in UTF-8, and the generated code
/// is one small reader method per field type and per object type, not one object initializer per entry. The code's
/// size depends on the schema, not on the number of articles, and the readers follow from the schemas alone, so
/// each chunk of entries is written without looking at any other.
/// </summary>
/// <remarks>
/// Tokens: a string is <c>{UTF-8 byte count}:{bytes}</c>, or <c>{UTF-16 unit count}!{4 hex digits per unit}</c> when it
/// holds a lone surrogate (which UTF-8 cannot carry); every number is a string of its invariant text, except a double,
/// which is the integer of its IEEE-754 bits; <c>~</c> is null.
/// An object is its shape (<see cref="ShapeKey"/>: an integer, or hexadecimal text for types of more than 64
/// properties), then the values of the properties it sets, in declared order; a list or dictionary is its count,
/// then its items; a reference is the slot and index of the entry it names. A chunk is its entry count, then per
/// entry its slot, its index and its object.
/// </remarks>
internal sealed partial class StoreLayout
{
    private readonly Dictionary<FieldType, int> _readers = new();
    private readonly List<FieldType> _readerTypes = [];

    /// <summary>Each reader method's name, after what it reads (<c>ReadIReadOnlyListOfImage</c>), so generated code explains itself.</summary>
    private readonly List<string> _readerNames = [];

    /// <summary>Names taken in the store class: its own members, then every reader's.</summary>
    private readonly HashSet<string> _methodNames = new(StringComparer.Ordinal) { "NewLocks", "ReadChunks", "ReadSlugs", "Publish", "ClearCache", "ChunkCount", "ChunkDigits", "EntryIn", "NewReplaceable" };
    private readonly Dictionary<string, ObjectLayout> _objects = new(StringComparer.Ordinal);
    private readonly List<ObjectLayout> _objectOrder = [];
    private readonly ObjectLayout[] _roots;

    /// <summary>Lays out the readers of <paramref name="schemas"/> (by slot), in a fixed walk order.</summary>
    public StoreLayout(EquatableArray<CollectionSchema> schemas)
    {
        _roots = new ObjectLayout[schemas.Count];
        for (var slot = 0; slot < schemas.Count; slot++)
        {
            var schema = schemas[slot];
            var names = new List<string>(ShapeKey.FileMembers);
            var types = new List<FieldType>();
            foreach (var member in ShapeKey.FileMembers)
            {
                types.Add(member == "Body" ? BodyMemberType : FileMemberType);
            }

            foreach (var property in schema.Root.Properties)
            {
                names.Add(property.Name);
                types.Add(property.Type);
            }

            foreach (var (name, type) in schema.ComputedMembers)
            {
                names.Add(name);
                types.Add(type);
            }

            _roots[slot] = Add(schema.TypeName, names, types);
            foreach (var nested in schema.NestedTypes)
            {
                if (!_objects.ContainsKey(nested.TypeName))
                {
                    var nestedNames = new List<string>();
                    var nestedTypes = new List<FieldType>();
                    foreach (var property in nested.Properties)
                    {
                        nestedNames.Add(property.Name);
                        nestedTypes.Add(property.Type);
                    }

                    Add(nested.TypeName, nestedNames, nestedTypes).IsConstructed = nested.IsConstructed;
                }
            }
        }

        foreach (var layout in _objectOrder)
        {
            foreach (var type in layout.Types)
            {
                ReaderOf(type);
            }
        }
    }

    private static readonly FieldType FileMemberType = new(ValueKind.String, "string", "string", IsNullable: false);

    /// <summary>The body: a string token, or '@' and its name in the packed bodies (the resource ArticleGen.Bodies), '=' for its source path.</summary>
    private static readonly FieldType BodyMemberType = new(ValueKind.Body, "string", "Body", IsNullable: false);

    /// <summary>An object type: its declared properties in order (an entry's type: the file members first).</summary>
    private sealed class ObjectLayout(int number, string readerName, string typeName, string[] names, FieldType[] types)
    {
        public int Number { get; } = number;

        /// <summary>The method that builds an object of the type (<c>NewProvider</c>).</summary>
        public string ReaderName { get; } = readerName;

        public string TypeName { get; } = typeName;

        public string[] Names { get; } = names;

        public FieldType[] Types { get; } = types;

        public Dictionary<string, int> Index { get; } = IndexOf(names);

        /// <summary>Built by its constructor with every property in order (<c>ArticleHeading</c>), not by an object initializer.</summary>
        public bool IsConstructed { get; set; }

        /// <summary>Whether the shape is read as one integer (up to 64 properties) or as text.</summary>
        public bool ShapeIsInt64 => Names.Length <= ShapeKey.MaxInt64Properties;

        private static Dictionary<string, int> IndexOf(string[] names)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                index[names[i]] = i;
            }

            return index;
        }
    }

    private ObjectLayout Add(string typeName, List<string> names, List<FieldType> types)
    {
        var layout = new ObjectLayout(_objectOrder.Count, UniqueMethodName("New" + SimpleName(typeName)), typeName, names.ToArray(), types.ToArray());
        _objects[typeName] = layout;
        _objectOrder.Add(layout);
        return layout;
    }

    /// <summary>The number of the method that reads a value of <paramref name="type"/>; registers it and what it reads.</summary>
    private int ReaderOf(FieldType type)
    {
        if (_readers.TryGetValue(type, out var number))
        {
            return number;
        }

        number = _readerTypes.Count;
        _readers.Add(type, number);
        _readerTypes.Add(type);
        _readerNames.Add(UniqueMethodName("Read" + Describe(type)));
        if (type.Element is not null)
        {
            ReaderOf(type.Element);
        }

        return number;
    }

    /// <summary><paramref name="name"/>, or with the first free suffix <c>_2</c>, <c>_3</c>, … (two types named alike in two namespaces).</summary>
    private string UniqueMethodName(string name)
    {
        if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name))
        {
            name = "Read" + Int(_methodNames.Count);
        }

        var unique = name;
        for (var suffix = 2; !_methodNames.Add(unique); suffix++)
        {
            unique = name + "_" + Int(suffix);
        }

        return unique;
    }

    /// <summary>A type's own name, without namespace or containing types (<c>global::Blog.Provider</c> → <c>Provider</c>).</summary>
    private static string SimpleName(string typeName)
    {
        var generic = typeName.IndexOf('<');
        var name = generic < 0 ? typeName : typeName.Substring(0, generic);
        return Pascal(name.Substring(Math.Max(name.LastIndexOf('.'), name.LastIndexOf(':')) + 1));
    }

    /// <summary>A field type as a method name reads it: <c>IReadOnlyList&lt;Image&gt;</c> → <c>IReadOnlyListOfImage</c>, <c>int?</c> → <c>IntOrNull</c>.</summary>
    private static string Describe(FieldType type)
    {
        var name = Pascal(type.DisplayName);
        return type.IsNullable && !type.DisplayName.EndsWith("?", StringComparison.Ordinal) ? name + "OrNull" : name;
    }

    /// <summary>A type's display name as identifier characters: '&lt;' is "Of", ',' "And", '[]' "Array", '?' "OrNull".</summary>
    private static string Pascal(string displayName)
    {
        var builder = new StringBuilder(displayName.Length);
        var startsWord = true;
        foreach (var c in displayName)
        {
            var joiner = c switch { '<' => "Of", ',' => "And", '[' => "Array", '?' => "OrNull", _ => null };
            if (joiner is not null)
            {
                builder.Append(joiner);
                startsWord = true;
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                builder.Append(startsWord ? char.ToUpperInvariant(c) : c);
                startsWord = false;
            }
            else if (c == '.')
            {
                startsWord = true;
            }
        }

        return builder.ToString();
    }
}
