using System.Linq;
using ArticleGen.Common;
using ArticleGen.Diagnostics;

namespace ArticleGen.Schema;

/// <summary>A property that a front-matter key binds to.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="Key">The key as a message names it: the <c>[ArticleField]</c> name, or else the property name in camelCase.</param>
/// <param name="MatchKey">The key as matching compares it: lower case, without '-', '_' and '.'.</param>
/// <param name="Type">The declared type.</param>
/// <param name="IsRequired">Declared <c>required</c>: the key must be present.</param>
/// <param name="Location">The property's declaration, where a problem found once every collection is known is reported.</param>
/// <param name="DateFromFileName">When the key is absent, the date a Jekyll-style file name starts with is the value.</param>
/// <param name="HasExplicitKey">The key is named by <c>[ArticleField("key")]</c> rather than the property's name.</param>
internal sealed record PropertyShape(
    string Name, string Key, string MatchKey, FieldType Type, bool IsRequired, LocationInfo? Location,
    bool DateFromFileName = false, bool HasExplicitKey = false);

/// <summary>A record or class whose properties a mapping binds to (the collection type itself, or a nested type).</summary>
internal sealed record ObjectShape(string TypeName, string DisplayName, EquatableArray<PropertyShape> Properties)
{
    public ObjectShape WithoutLocations() => this with { Properties = Properties.Select(p => p with { Location = null }).ToEquatableArray() };
}

/// <summary>A type that encloses the collection type; the generated partial declaration repeats it.</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>
/// Everything ArticleGen needs to know about one <c>[ArticleCollection]</c> type, read once from symbols into plain
/// values so that the generator caches it and an unrelated C# edit re-binds no article.
/// </summary>
/// <param name="TypeName">The type as generated code names it (<c>global::Blog.NewsArticle</c>).</param>
/// <param name="Name">The type's own name (<c>NewsArticle</c>).</param>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">Enclosing types, outermost first.</param>
/// <param name="Keyword">How the type is declared: <c>record</c> or <c>class</c>.</param>
/// <param name="Glob">The files the collection holds, relative to the project directory.</param>
/// <param name="AttributeLocation">Where <c>[ArticleCollection]</c> is written (ART012 points there).</param>
/// <param name="AssignableTo">The user's own base classes and interfaces of the type: a property of one of these types refers to entries.</param>
/// <param name="Root">The collection type's bindable properties.</param>
/// <param name="NestedTypes">Every object type reachable from <paramref name="Root"/>, by type name.</param>
/// <param name="TakenMemberNames">Names an entry property must not take: the type's members, inherited ones, its own name.</param>
/// <param name="GeneratedMembers">Which of <c>Id</c>, <c>Slug</c>, <c>Body</c>, <c>SourcePath</c> the generator declares.</param>
/// <param name="TitleProperty">A <c>string</c> property called Title, whose value the entry's XML doc shows.</param>
/// <param name="HasNotNullWhen">Whether the consumer's compilation has <c>NotNullWhenAttribute</c>.</param>
/// <param name="HasInitAccessors">Whether it has <c>IsExternalInit</c>, so generated properties can be <c>init</c>.</param>
/// <param name="CanEmit">Whether a partial declaration can be generated at all (the type and its containers are partial).</param>
/// <param name="Diagnostics">ART011s found in the declaration.</param>
/// <param name="HasUtf8Literals">Whether <c>ReadOnlySpan&lt;T&gt;</c> exists and the language is C# 11 or later, so data can be in <c>u8</c> literals.</param>
/// <param name="HasMetadataUpdateHandler">Whether the consumer has <c>MetadataUpdateHandlerAttribute</c> (.NET 6 and later), through which hot reload clears the store.</param>
internal sealed record CollectionSchema(
    string TypeName,
    string Name,
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Keyword,
    string Glob,
    LocationInfo? AttributeLocation,
    EquatableArray<string> AssignableTo,
    ObjectShape Root,
    EquatableArray<ObjectShape> NestedTypes,
    EquatableArray<string> TakenMemberNames,
    GeneratedMembers GeneratedMembers,
    string? TitleProperty,
    bool HasNotNullWhen,
    bool HasInitAccessors,
    bool CanEmit,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool HasUtf8Literals = false,
    bool HasMetadataUpdateHandler = false)
{
    /// <summary>Whether articles can be bound: the declaration has no error.</summary>
    public bool IsValid => CanEmit && Diagnostics.Count == 0;

    /// <summary>
    /// The schema as binding and emission see it: without places in the .cs file. A comment or a blank line added
    /// above a declaration moves every place but changes nothing an article binds to, so with this projection every
    /// article's step stays cached; the places are kept for the diagnostics that need them.
    /// </summary>
    public CollectionSchema WithoutLocations() => this with
    {
        AttributeLocation = null,
        Root = Root.WithoutLocations(),
        NestedTypes = NestedTypes.Select(n => n.WithoutLocations()).ToEquatableArray(),
        Diagnostics = Diagnostics.Select(d => d with { Location = null }).ToEquatableArray(),
    };

    public ObjectShape? FindObject(string typeName)
    {
        if (Root.TypeName == typeName)
        {
            return Root;
        }

        foreach (var shape in NestedTypes)
        {
            if (shape.TypeName == typeName)
            {
                return shape;
            }
        }

        return null;
    }
}

/// <summary>The instance members the generator adds to an entry type, unless the user declared them.</summary>
[System.Flags]
internal enum GeneratedMembers
{
    None = 0,
    Id = 1,
    Slug = 2,
    Body = 4,
    SourcePath = 8,
}
