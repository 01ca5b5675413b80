using System.Collections.Generic;
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
    /// <summary>Built by its constructor, every property in order (<c>ArticleHeading</c>), not by an object initializer.</summary>
    public bool IsConstructed { get; init; }

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
/// <param name="UrlPattern">The <c>Url</c> of <c>[ArticleCollection]</c> (<c>/blog/{slug}</c>), or null: the entries then have no Url.</param>
/// <param name="BodyMembers">The <c>[ArticleBody]</c> properties, in declaration order: the body is rendered only when there is one.</param>
/// <param name="Markdown">The collection's Markdown (its <c>MarkdownExtensions</c>), when it renders bodies.</param>
/// <param name="InfersSchema">The declaration has no front-matter property: its properties are inferred from its files (contract §7).</param>
/// <param name="HasRequiredMembers">Whether the compilation has C# 11's <c>required</c> members (RequiredMemberAttribute), which inferred properties are declared with.</param>
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
    bool HasMetadataUpdateHandler = false,
    string? UrlPattern = null,
    EquatableArray<BodyMember> BodyMembers = default,
    Rendering.MarkdownDialect? Markdown = null,
    bool InfersSchema = false,
    bool HasRequiredMembers = false)
{
    /// <summary>How many files the inferred schema was read from (<see cref="Inference.SchemaInference"/>); 0 for a declared schema.</summary>
    public int InferredFrom { get; init; }

    /// <summary>Whether the collection renders its bodies: it declares an <c>[ArticleBody]</c> property (contract §6).</summary>
    public bool RendersBodies => Markdown is not null && BodyMembers.Count > 0;

    /// <summary>
    /// The entry members filled in when the catalog is built rather than from the front matter, in the order the data
    /// holds them after the front-matter properties: the Url, then the body members.
    /// </summary>
    public IEnumerable<(string Name, FieldType Type)> ComputedMembers
    {
        get
        {
            if (UrlPattern is not null)
            {
                yield return ("Url", UrlType);
            }

            foreach (var member in BodyMembers)
            {
                yield return (member.Name, member.Type);
            }
        }
    }

    /// <summary>How many <see cref="ComputedMembers"/> there are.</summary>
    public int ComputedMemberCount => (UrlPattern is null ? 0 : 1) + BodyMembers.Count;

    private static readonly FieldType UrlType = new(ValueKind.String, "string", "string", IsNullable: false);

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

    /// <summary>An entry's address, when the collection declares a <c>Url</c> pattern.</summary>
    Url = 16,
}
