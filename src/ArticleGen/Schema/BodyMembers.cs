using System.Collections.Generic;
using System.Linq;
using ArticleGen.Common;
using Microsoft.CodeAnalysis;

namespace ArticleGen.Schema;

/// <summary>What an <c>[ArticleBody]</c> property holds; the values are <c>ArticleGen.ArticleBodyPart</c>'s.</summary>
internal enum BodyPart
{
    Html = 0,
    Excerpt = 1,
    Headings = 2,
    WordCount = 3,
    ReadingTime = 4,
}

/// <summary>A property the generated code fills from the rendered body rather than from a front-matter key.</summary>
/// <param name="Name">The property.</param>
/// <param name="Part">What it holds.</param>
/// <param name="Type">Its declared type, one that fits the part.</param>
internal sealed record BodyMember(string Name, BodyPart Part, FieldType Type);

/// <summary>Reads the <c>[ArticleBody]</c> properties of a collection type, checking that each type fits its part (ART011 otherwise).</summary>
internal static class BodyMembers
{
    public const string AttributeName = "ArticleGen.ArticleBodyAttribute";

    /// <summary><c>ArticleGen.ArticleHeading</c>, generated into every consumer with the attributes.</summary>
    public const string HeadingTypeName = "global::ArticleGen.ArticleHeading";

    /// <summary>The heading's properties, in the order of its constructor, which the generated reader calls.</summary>
    public static ObjectShape HeadingShape { get; } = new(
        HeadingTypeName,
        "ArticleHeading",
        new[]
        {
            new PropertyShape("Level", "level", "level", new FieldType(ValueKind.Int32, "int", "int", IsNullable: false), IsRequired: true, Location: null),
            new PropertyShape("Text", "text", "text", new FieldType(ValueKind.String, "string", "string", IsNullable: false), IsRequired: true, Location: null),
            new PropertyShape("Id", "id", "id", new FieldType(ValueKind.String, "string", "string", IsNullable: false), IsRequired: true, Location: null),
        }.ToEquatableArray())
    {
        IsConstructed = true,
    };

    public static bool IsBodyMember(IPropertySymbol property) => BodyAttributeOf(property) is not null;

    /// <summary>The body members of <paramref name="type"/> (its own and inherited), in declaration order.</summary>
    public static List<BodyMember> Read(INamedTypeSymbol type, System.Action<Location?, string> report, System.Threading.CancellationToken cancellationToken)
    {
        var members = new List<BodyMember>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        foreach (var declaring in chain)
        {
            foreach (var property in declaring.GetMembers().OfType<IPropertySymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();

                // ArticleGen's own members (an entry property per article) never carry [ArticleBody]: asking for their
                // attributes would bind 10,000 of them in every compilation, which an IDE does not otherwise do.
                if (!SchemaReader.IsUserDeclared(property, cancellationToken) || BodyAttributeOf(property) is not { } attribute || !seen.Add(property.Name))
                {
                    continue;
                }

                var location = property.Locations.FirstOrDefault();
                if (attribute.ConstructorArguments.FirstOrDefault().Value is not int number || number is < 0 or > (int)BodyPart.ReadingTime)
                {
                    report(location, $"[ArticleBody] on {type.Name}.{property.Name} names no ArticleBodyPart");
                    continue;
                }

                var part = (BodyPart)number;
                if (property.Name is "Id" or "Slug" or "Body" or "SourcePath" or "Url")
                {
                    report(location, $"{type.Name}.{property.Name} cannot hold the body's {part}: ArticleGen sets {property.Name} itself; give the property another name");
                    continue;
                }

                if (property.IsStatic || property.SetMethod is null || property.SetMethod.DeclaredAccessibility == Accessibility.Private)
                {
                    report(location, $"{type.Name}.{property.Name} must be an instance property with an 'init' or 'set' accessor: ArticleGen sets it to the body's {part}");
                    continue;
                }

                var fieldType = TypeFor(part, property.Type);
                if (fieldType is null)
                {
                    report(location, $"{type.Name}.{property.Name} is a {property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}, but ArticleBodyPart.{part} is {Expected(part)}");
                    continue;
                }

                members.Add(new BodyMember(property.Name, part, fieldType));
            }
        }

        return members;
    }

    /// <summary>What a property of <paramref name="part"/> must be declared as, as a message says it.</summary>
    private static string Expected(BodyPart part) => part switch
    {
        BodyPart.Html or BodyPart.Excerpt => "a string",
        BodyPart.Headings => "a list of ArticleHeading (IReadOnlyList<ArticleHeading>, ArticleHeading[], List<ArticleHeading>, ImmutableArray<ArticleHeading>)",
        BodyPart.WordCount => "an int or a long",
        _ => "a TimeSpan",
    };

    private static FieldType? TypeFor(BodyPart part, ITypeSymbol type)
    {
        switch (part)
        {
            case BodyPart.Html or BodyPart.Excerpt when type.SpecialType == SpecialType.System_String:
                return new FieldType(ValueKind.Html, "string", "Html", IsNullable: false);
            case BodyPart.WordCount when type.SpecialType == SpecialType.System_Int32:
                return new FieldType(ValueKind.Int32, "int", "int", IsNullable: false);
            case BodyPart.WordCount when type.SpecialType == SpecialType.System_Int64:
                return new FieldType(ValueKind.Int64, "long", "long", IsNullable: false);
            case BodyPart.ReadingTime when type is INamedTypeSymbol { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }:
                return new FieldType(ValueKind.TimeSpan, "global::System.TimeSpan", "TimeSpan", IsNullable: false);
            case BodyPart.Headings:
                // Named from the list type and ArticleHeading's known name: in the generator's own compilation the
                // heading type is not generated yet, and the symbol would display without its namespace.
                var kind = HeadingListKind(type);
                var heading = new FieldType(ValueKind.Object, HeadingTypeName, "ArticleHeading", IsNullable: false);
                if (kind is null)
                {
                    return null;
                }

                var listName = type is INamedTypeSymbol named ? named.OriginalDefinition.ContainingNamespace.ToDisplayString() + "." + named.Name : "";
                return new FieldType(
                    ValueKind.List,
                    kind == ListKind.Array ? HeadingTypeName + "[]" : "global::" + listName + "<" + HeadingTypeName + ">",
                    kind == ListKind.Array ? "ArticleHeading[]" : ((INamedTypeSymbol)type).Name + "<ArticleHeading>",
                    IsNullable: false,
                    heading,
                    kind.Value);
            default:
                return null;
        }
    }

    private static ListKind? HeadingListKind(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return IsHeading(array.ElementType) ? ListKind.Array : null;
        }

        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named || !IsHeading(named.TypeArguments[0]))
        {
            return null;
        }

        return named.OriginalDefinition.ToDisplayString() switch
        {
            "System.Collections.Generic.IReadOnlyList<T>" or "System.Collections.Generic.IReadOnlyCollection<T>" or "System.Collections.Generic.IEnumerable<T>" => ListKind.ReadOnlyList,
            "System.Collections.Generic.List<T>" => ListKind.List,
            "System.Collections.Immutable.ImmutableArray<T>" => ListKind.ImmutableArray,
            _ => null,
        };
    }

    /// <summary>
    /// <c>ArticleGen.ArticleHeading</c>; in the generator's own compilation, where it is not generated yet (it is only
    /// when a Headings property asks for it, <see cref="Emit.HeadingSource"/>), the unknown type of that name.
    /// </summary>
    private static bool IsHeading(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "ArticleHeading" } named
        && (named.TypeKind == TypeKind.Error || named.ContainingNamespace is { Name: "ArticleGen", ContainingNamespace.IsGlobalNamespace: true });

    private static AttributeData? BodyAttributeOf(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "ArticleBodyAttribute", ContainingNamespace: { Name: "ArticleGen", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return attribute;
            }
        }

        return null;
    }
}
