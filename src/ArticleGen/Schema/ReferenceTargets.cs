using System.Collections.Generic;
using System.Linq;
using ArticleGen.Common;
using ArticleGen.Diagnostics;

namespace ArticleGen.Schema;

/// <summary>
/// Decides, once every collection is known, which properties refer to entries and of which collections
/// (contract §4): a property whose type is a collection type, or an interface or base class of the user's that
/// collection types share. Done over all schemas at once, so adding a collection elsewhere updates the targets.
/// </summary>
internal static class ReferenceTargets
{
    public static EquatableArray<CollectionSchema> Resolve(IReadOnlyList<CollectionSchema> schemas)
    {
        var resolved = new List<CollectionSchema>(schemas.Count);
        foreach (var schema in schemas)
        {
            var diagnostics = new List<DiagnosticInfo>(schema.Diagnostics);
            var root = ResolveObject(schema.Root, schemas, diagnostics);
            var nested = schema.NestedTypes.Select(shape => ResolveObject(shape, schemas, diagnostics)).ToEquatableArray();
            resolved.Add(schema with { Root = root, NestedTypes = nested, Diagnostics = diagnostics.ToEquatableArray() });
        }

        return resolved.ToEquatableArray();
    }

    private static ObjectShape ResolveObject(ObjectShape shape, IReadOnlyList<CollectionSchema> schemas, List<DiagnosticInfo> diagnostics)
    {
        var properties = new List<PropertyShape>(shape.Properties.Count);
        foreach (var property in shape.Properties)
        {
            var type = ResolveType(property.Type, schemas, out var unresolved);
            if (unresolved is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidCollectionDeclaration,
                    property.Location,
                    $"{shape.DisplayName}.{property.Name} has type {property.Type.DisplayName}, but no collection's type is or derives from {unresolved}: nothing it could refer to exists"));
                continue;
            }

            properties.Add(property with { Type = type });
        }

        return shape with { Properties = properties.ToEquatableArray() };
    }

    private static FieldType ResolveType(FieldType type, IReadOnlyList<CollectionSchema> schemas, out string? unresolved)
    {
        unresolved = null;
        switch (type.Kind)
        {
            case ValueKind.List or ValueKind.Dictionary:
                var element = ResolveType(type.Element!, schemas, out unresolved);
                return type with { Element = element };

            case ValueKind.Object or ValueKind.Reference:
                var targets = schemas
                    .Where(s => s.TypeName == type.TypeName || s.AssignableTo.Contains(type.TypeName))
                    .Select(s => s.TypeName)
                    .OrderBy(n => n, System.StringComparer.Ordinal)
                    .ToEquatableArray();
                if (targets.Count > 0)
                {
                    return type with { Kind = ValueKind.Reference, Targets = targets };
                }

                if (type.Kind == ValueKind.Reference)
                {
                    unresolved = type.DisplayName;
                }

                return type;

            default:
                return type;
        }
    }
}
