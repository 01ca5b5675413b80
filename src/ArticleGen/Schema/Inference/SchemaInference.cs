using System.Collections.Generic;
using System.Linq;
using ArticleGen.Common;

namespace ArticleGen.Schema.Inference;

/// <summary>
/// The schema a careful person would write for a collection that declares no front-matter property (contract §7),
/// from the shape of every one of its files: one property per key, named by the entry-name rule (with the key given
/// by <c>[ArticleField]</c> where the name alone would not bind back), the narrowest type every value fits, required
/// where every file has the key, nullable (or an empty list) otherwise; a mapping becomes a record of its own, named
/// after the collection and the key.
/// </summary>
internal static class SchemaInference
{
    /// <summary>Member names an inferred property never takes: what the generator adds to every entry, and the catalog's own.</summary>
    private static readonly string[] Reserved = ["Id", "Slug", "Body", "SourcePath", "Url", "All", "Count", "Get", "TryGet"];

    /// <summary><paramref name="schema"/> with the properties and nested types inferred from <paramref name="files"/>.</summary>
    /// <param name="schema">A collection whose declaration has no front-matter property.</param>
    /// <param name="files">The shape of each of its files' front matter, merged (null when it has no file with a front matter).</param>
    public static CollectionSchema Infer(CollectionSchema schema, ValueShape? files)
    {
        var nested = new List<ObjectShape>();
        var taken = new HashSet<string>(schema.TakenMemberNames, System.StringComparer.Ordinal);
        taken.UnionWith(Reserved);
        taken.UnionWith(schema.BodyMembers.AsImmutableArray().Select(m => m.Name));
        var typePrefix = schema.Namespace is null ? "global::" : "global::" + schema.Namespace + ".";
        var root = files is null
            ? schema.Root
            : ObjectOf(schema.Root.TypeName, schema.Root.DisplayName, files, taken, schema.Name, typePrefix, nested, isRoot: true);
        return schema with
        {
            Root = root,
            NestedTypes = schema.NestedTypes.AsImmutableArray().Concat(nested).OrderBy(n => n.TypeName, System.StringComparer.Ordinal).ToEquatableArray(),
            InferredFrom = files?.Occurrences ?? 0,
        };
    }

    private static ObjectShape ObjectOf(
        string typeName, string displayName, ValueShape mapping, HashSet<string> taken, string namePrefix, string typePrefix, List<ObjectShape> nested, bool isRoot)
    {
        var properties = new List<PropertyShape>();
        var names = isRoot ? taken : new HashSet<string>(System.StringComparer.Ordinal) { namePrefix };
        foreach (var key in mapping.Keys)
        {
            var matchKey = KeyName.Normalize(key.Key);
            if (isRoot && matchKey == "slug")
            {
                continue; // the entry's slug, never a property
            }

            var name = Unique(Model.MemberNames.FromSlug(key.Key), names);
            var value = key.Value;
            var optional = value.Occurrences < mapping.Occurrences || value.HasNull;
            var type = TypeOf(value, optional, namePrefix + name, typePrefix, nested);
            var explicitKey = KeyName.Normalize(KeyName.CamelCase(name)) != matchKey;
            properties.Add(new PropertyShape(
                name, explicitKey ? key.Key : KeyName.CamelCase(name), matchKey, type,
                IsRequired: value.Occurrences == mapping.Occurrences && !value.HasNull, Location: null, HasExplicitKey: explicitKey));
        }

        return new ObjectShape(typeName, displayName, properties.ToEquatableArray());
    }

    private static FieldType TypeOf(ValueShape value, bool nullable, string nestedName, string typePrefix, List<ObjectShape> nested)
    {
        // A scalar in one file and a list in another: the list, the scalar a one-item list.
        if (value.HasList && !value.HasMapping)
        {
            var items = value.Item;
            if (value.Scalar != ScalarKind.None)
            {
                var scalars = new ValueShape(1, value.Scalar);
                items = items is null ? scalars : ValueShape.Merge(items, scalars);
            }

            var element = items is null ? Scalar(ScalarKind.String, false) : TypeOf(items, items.HasNull, nestedName + "Item", typePrefix, nested);
            var listName = "global::System.Collections.Generic.IReadOnlyList<" + element.NullableTypeName + ">";
            return new FieldType(ValueKind.List, listName, "IReadOnlyList<" + element.DisplayName + (element.IsNullable ? "?" : "") + ">", false, element, ListKind.ReadOnlyList);
        }

        if (value.HasMapping && value.Scalar == ScalarKind.None && !value.HasList)
        {
            var shape = ObjectOf(typePrefix + nestedName, nestedName, value, [], nestedName, typePrefix, nested, isRoot: false);
            nested.Add(shape);
            return new FieldType(ValueKind.Object, shape.TypeName, nestedName, nullable);
        }

        // A value no file agrees on (a mapping here, text there) is text.
        var kind = value.HasMapping || value.HasList ? ScalarKind.String : value.Scalar;
        return Scalar(kind == ScalarKind.None ? ScalarKind.String : kind, nullable);
    }

    private static FieldType Scalar(ScalarKind kind, bool nullable) => kind switch
    {
        ScalarKind.Boolean => new FieldType(ValueKind.Boolean, "bool", "bool", nullable),
        ScalarKind.Int32 => new FieldType(ValueKind.Int32, "int", "int", nullable),
        ScalarKind.Int64 => new FieldType(ValueKind.Int64, "long", "long", nullable),
        ScalarKind.Double => new FieldType(ValueKind.Double, "double", "double", nullable),
        ScalarKind.Date => new FieldType(ValueKind.DateTimeOffset, "global::System.DateTimeOffset", "DateTimeOffset", nullable),
        _ => new FieldType(ValueKind.String, "string", "string", nullable),
    };

    private static string Unique(string name, HashSet<string> taken)
    {
        var unique = name;
        for (var suffix = 2; !taken.Add(unique); suffix++)
        {
            unique = name + "_" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }
}
