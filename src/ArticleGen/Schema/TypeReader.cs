using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ArticleGen.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ArticleGen.Schema;

/// <summary>
/// Reads property types into <see cref="FieldType"/>s and object types into <see cref="ObjectShape"/>s, reporting
/// (through <c>report</c>) every property ArticleGen cannot bind. Object types are queued and read once each, so
/// recursive types terminate.
/// </summary>
internal sealed class TypeReader(Compilation compilation, Action<Location?, string> report, CancellationToken cancellationToken)
{
    private static readonly SymbolDisplayFormat DisplayFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private readonly Queue<INamedTypeSymbol> _pending = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>The bindable properties of <paramref name="type"/>: public, instance, with an accessible init or set accessor.</summary>
    /// <param name="type">The type.</param>
    /// <param name="isCollectionRoot">Whether it is the collection type, whose file members are never keys.</param>
    /// <param name="computedNames">Properties of the collection type filled when the catalog is built (its <c>Url</c>), never from a key.</param>
    public ObjectShape ReadObject(INamedTypeSymbol type, bool isCollectionRoot, ISet<string>? computedNames = null)
    {
        _seen.Add(TypeNameOf(type));
        var properties = new List<PropertyShape>();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in BindableProperties(type, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (isCollectionRoot && (property.Name is "Id" or "Slug" or "Body" or "SourcePath" || (computedNames?.Contains(property.Name) ?? false)))
            {
                continue; // set from the file or its rendered body, never from a key
            }

            var location = property.Locations.FirstOrDefault();
            if (BodyMembers.IsBodyMember(property))
            {
                if (!isCollectionRoot)
                {
                    report(location, $"[ArticleBody] on {type.Name}.{property.Name} applies to properties of a collection type: a nested mapping has no body of its own");
                }

                continue; // read by BodyMembers
            }

            var field = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == SchemaReader.FieldAttributeName);
            var explicitKey = field?.ConstructorArguments.FirstOrDefault().Value as string;
            if (field is not null && field.ConstructorArguments.Length > 0 && (explicitKey is null || explicitKey.Trim().Length == 0))
            {
                report(location, $"[ArticleField] on {type.Name}.{property.Name} names an empty key; leave the key out to keep the name rule");
                continue;
            }

            var format = NamedArgument(field, "Format") as string;
            var dateFromFileName = NamedArgument(field, "DateFromFileName") is true;

            var key = explicitKey ?? KeyName.CamelCase(property.Name);
            var matchKey = KeyName.Normalize(key);
            if (matchKey == "slug" && isCollectionRoot)
            {
                report(location, $"{type.Name}.{property.Name} binds to the key 'slug', which ArticleGen reserves for the entry's slug");
                continue;
            }

            if (keys.TryGetValue(matchKey, out var other))
            {
                report(location, $"{type.Name}.{property.Name} and {type.Name}.{other} bind to the same key '{key}' (keys ignore case, '-', '_' and '.')");
                continue;
            }

            var fieldType = ReadType(property.Type, property.NullableAnnotation, out var unsupported);
            if (fieldType is null)
            {
                report(location, ContainsMissingType(property.Type)
                    ? $"{type.Name}.{property.Name} has type {property.Type.ToDisplayString(DisplayFormat)}, which does not exist in this compilation: a reference or a using is missing, or the target framework lacks it (DateOnly and TimeOnly need .NET 6 or later)"
                    : $"{type.Name}.{property.Name} has type {property.Type.ToDisplayString(DisplayFormat)}, which ArticleGen cannot bind{unsupported}");
                continue;
            }

            if (format is not null)
            {
                var temporal = FindTemporal(fieldType);
                if (temporal is null)
                {
                    report(location, $"[ArticleField(Format = ...)] on {type.Name}.{property.Name} applies to dates, times and durations (DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, or lists of them), not to {property.Type.ToDisplayString(DisplayFormat)}");
                    continue;
                }

                if (!IsUsableFormat(format, temporal.Kind, out var formatProblem))
                {
                    report(location, $"[ArticleField(Format = \"{format}\")] on {type.Name}.{property.Name} is not a .NET custom format string for {temporal.DisplayName}: {formatProblem}");
                    continue;
                }

                if (temporal.IsDate && !Binding.CustomFormat.HoldsWholeDate(format))
                {
                    report(location, $"[ArticleField(Format = \"{format}\")] on {type.Name}.{property.Name} does not hold a whole date (year, month and day, such as M/d/yyyy): every value would take this year or today, a different value every day");
                    continue;
                }

                fieldType = WithFormat(fieldType, format);
            }

            if (dateFromFileName && !fieldType.IsDate)
            {
                report(location, $"[ArticleField(DateFromFileName = true)] on {type.Name}.{property.Name} needs a date type (DateTime, DateTimeOffset or DateOnly, or a nullable one), not {property.Type.ToDisplayString(DisplayFormat)}");
                continue;
            }

            if (dateFromFileName && !isCollectionRoot)
            {
                report(location, $"[ArticleField(DateFromFileName = true)] on {type.Name}.{property.Name} applies to properties of a collection type: a nested mapping has no file name of its own");
                continue;
            }

            if (!property.IsRequired && !fieldType.IsNullable && !property.Type.IsValueType && !HasInitializer(property))
            {
                report(location, $"{type.Name}.{property.Name} is a non-nullable {property.Type.ToDisplayString(DisplayFormat)} that is neither 'required' nor initialised: it would be null when the key is absent. Mark it 'required', make it nullable, or give it an initializer");
                continue;
            }

            keys.Add(matchKey, property.Name);
            properties.Add(new PropertyShape(property.Name, key, matchKey, fieldType, property.IsRequired, LocationInfo.From(location), dateFromFileName, explicitKey is not null));
        }

        return new ObjectShape(TypeNameOf(type), type.ToDisplayString(DisplayFormat), properties.ToEquatableArray());
    }

    /// <summary>Reads every object type queued while reading properties, until none is left.</summary>
    public List<ObjectShape> ReadPendingObjects()
    {
        var shapes = new List<ObjectShape>();
        while (_pending.Count > 0)
        {
            shapes.Add(ReadObject(_pending.Dequeue(), isCollectionRoot: false));
        }

        shapes.Sort((a, b) => string.CompareOrdinal(a.TypeName, b.TypeName));
        return shapes;
    }

    private FieldType? ReadType(ITypeSymbol type, NullableAnnotation annotation, out string reason)
    {
        reason = "";
        var isNullable = annotation == NullableAnnotation.Annotated || (!type.IsValueType && annotation == NullableAnnotation.None);
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            isNullable = true;
        }

        var typeName = TypeNameOf(type);
        var display = type.ToDisplayString(DisplayFormat);

        FieldType Scalar(ValueKind kind) => new(kind, typeName, display, isNullable);

        switch (type.SpecialType)
        {
            case SpecialType.System_String: return Scalar(ValueKind.String);
            case SpecialType.System_Boolean: return Scalar(ValueKind.Boolean);
            case SpecialType.System_Int32: return Scalar(ValueKind.Int32);
            case SpecialType.System_Int64: return Scalar(ValueKind.Int64);
            case SpecialType.System_Double: return Scalar(ValueKind.Double);
            case SpecialType.System_Decimal: return Scalar(ValueKind.Decimal);
            case SpecialType.System_DateTime: return Scalar(ValueKind.DateTime);
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                reason = ": only one-dimensional arrays are lists";
                return null;
            }

            var element = ReadType(array.ElementType, array.ElementNullableAnnotation, out reason);
            return element is null ? null : new FieldType(ValueKind.List, typeName, display, isNullable, element, ListKind.Array);
        }

        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        switch (named.OriginalDefinition.ToDisplayString())
        {
            case "System.DateTimeOffset": return Scalar(ValueKind.DateTimeOffset);
            case "System.DateOnly": return Scalar(ValueKind.DateOnly);
            case "System.TimeOnly": return Scalar(ValueKind.TimeOnly);
            case "System.TimeSpan": return Scalar(ValueKind.TimeSpan);
            case "System.Uri": return Scalar(ValueKind.Uri);
            case "System.Guid": return Scalar(ValueKind.Guid);
            case "System.Collections.Generic.IReadOnlyList<T>":
            case "System.Collections.Generic.IReadOnlyCollection<T>":
            case "System.Collections.Generic.IEnumerable<T>":
                return ListOf(ListKind.ReadOnlyList, out reason);
            case "System.Collections.Generic.List<T>":
                return ListOf(ListKind.List, out reason);
            case "System.Collections.Immutable.ImmutableArray<T>":
                return ListOf(ListKind.ImmutableArray, out reason);
            case "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>":
                if (named.TypeArguments[0].SpecialType != SpecialType.System_String)
                {
                    reason = ": dictionary keys must be strings";
                    return null;
                }

                var value = ReadType(named.TypeArguments[1], named.TypeArgumentNullableAnnotations[1], out reason);
                return value is null ? null : new FieldType(ValueKind.Dictionary, typeName, display, isNullable, value);
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            var members = named.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.Name).ToEquatableArray();
            return new FieldType(ValueKind.Enum, typeName, display, isNullable, EnumMembers: members);
        }

        // The user's own interfaces, abstract classes and collection types name entries of collections: which
        // ones is decided once every collection is known (ReferenceTargets), as is whether a concrete class some
        // collection derives from is a reference rather than a nested mapping.
        if (named.DeclaringSyntaxReferences.Length > 0 && !named.IsGenericType
            && (named.TypeKind == TypeKind.Interface || (named.TypeKind == TypeKind.Class && (named.IsAbstract || IsCollection(named)))))
        {
            return new FieldType(ValueKind.Reference, typeName, display, isNullable);
        }

        if (named.TypeKind == TypeKind.Class && !named.IsAbstract && !named.IsGenericType && named.SpecialType == SpecialType.None
            && named.DeclaringSyntaxReferences.Length > 0)
        {
            if (!SchemaReader.HasParameterlessConstructor(named)
                || !compilation.IsSymbolAccessibleWithin(named, compilation.Assembly))
            {
                reason = ": a nested type needs an accessible parameterless constructor (positional records are not supported)";
                return null;
            }

            if (_seen.Add(typeName))
            {
                _pending.Enqueue(named);
            }

            return new FieldType(ValueKind.Object, typeName, display, isNullable);
        }

        return null;

        FieldType? ListOf(ListKind kind, out string why)
        {
            var item = ReadType(named.TypeArguments[0], named.TypeArgumentNullableAnnotations[0], out why);
            return item is null ? null : new FieldType(ValueKind.List, typeName, display, isNullable, item, kind);
        }
    }

    private static object? NamedArgument(AttributeData? attribute, string name)
    {
        if (attribute is null)
        {
            return null;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value;
            }
        }

        return null;
    }

    /// <summary>The date, time or duration a <c>Format</c> applies to: the type itself, or the items of a list or dictionary.</summary>
    private static FieldType? FindTemporal(FieldType type) => type.IsTemporal
        ? type
        : type.Kind is ValueKind.List or ValueKind.Dictionary ? FindTemporal(type.Element!) : null;

    private static FieldType WithFormat(FieldType type, string format) => type.IsTemporal
        ? type with { Format = format }
        : type with { Element = WithFormat(type.Element!, format) };

    /// <summary>
    /// Whether <paramref name="format"/> is a custom format .NET can read values with: formatting a sample value with it
    /// throws exactly where parsing would, so a mistyped format is an error on the declaration, not on every article.
    /// </summary>
    private static bool IsUsableFormat(string format, ValueKind kind, out string problem)
    {
        problem = "";
        if (format.Length == 0)
        {
            problem = "it is empty";
            return false;
        }

        try
        {
            var sample = new System.DateTime(2024, 5, 9, 13, 45, 30, System.DateTimeKind.Utc);
            _ = kind switch
            {
                ValueKind.TimeSpan => new System.TimeSpan(1, 13, 45, 30).ToString(format, System.Globalization.CultureInfo.InvariantCulture),
                ValueKind.DateTimeOffset => new System.DateTimeOffset(sample).ToString(format, System.Globalization.CultureInfo.InvariantCulture),
                _ => sample.ToString(format, System.Globalization.CultureInfo.InvariantCulture),
            };
            return true;
        }
        catch (System.FormatException exception)
        {
            problem = exception.Message;
            return false;
        }
    }

    /// <summary>Fully qualified, with '?' on nullable type arguments (<c>List&lt;string?&gt;</c>) but not on the type itself.</summary>
    private static readonly SymbolDisplayFormat TypeNameFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static bool ContainsMissingType(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => ContainsMissingType(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsMissingType),
        _ => false,
    };

    private static bool IsCollection(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == SchemaReader.CollectionAttributeName);

    private static string TypeNameOf(ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat);

    private static IEnumerable<IPropertySymbol> BindableProperties(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.IsImplicitlyDeclared || !SchemaReader.IsUserDeclared(property, cancellationToken)
                    || property.DeclaredAccessibility != Accessibility.Public
                    || property.SetMethod is null || property.SetMethod.DeclaredAccessibility != Accessibility.Public
                    || !seen.Add(property.Name))
                {
                    continue;
                }

                yield return property;
            }
        }
    }

    private bool HasInitializer(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Length == 0 // from metadata: its constructor is trusted
        || property.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is PropertyDeclarationSyntax { Initializer: not null } or ParameterSyntax);
}
