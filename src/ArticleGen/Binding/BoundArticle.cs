using System.Collections.Generic;
using ArticleGen.Common;
using ArticleGen.Diagnostics;

namespace ArticleGen.Binding;

/// <summary>
/// One article bound to its collection's schema: the entry's values, or the diagnostics that keep it out of the
/// catalog. A function of the article's text and the schemas only.
/// </summary>
/// <param name="CollectionTypeName">The collection the file belongs to (the type's <c>global::</c> name).</param>
/// <param name="RelativePath">The path relative to the project directory, '/'-separated (the entry's <c>SourcePath</c>).</param>
/// <param name="Id">The path relative to the glob's base directory, without extension.</param>
/// <param name="Slug">The <c>slug</c> key, or else the file name without extension.</param>
/// <param name="Body">The text after the front matter.</param>
/// <param name="Title">The entry's title, for its XML doc comment.</param>
/// <param name="Value">The bound front matter; null when the article could not be read.</param>
/// <param name="Opening">Where the front matter opens: cross-file diagnostics (ART008) point there.</param>
/// <param name="Diagnostics">Everything wrong with this article on its own.</param>
/// <param name="AlsoMatchedBy">Another collection whose glob matches the file too (ART014); it still counts as a match there (no ART012).</param>
internal sealed record BoundArticle(
    string CollectionTypeName,
    string RelativePath,
    string Id,
    string Slug,
    string Body,
    string? Title,
    ObjectValue? Value,
    LocationInfo Opening,
    EquatableArray<DiagnosticInfo> Diagnostics,
    string? AlsoMatchedBy = null)
{
    /// <summary>
    /// <see cref="Model.CatalogFiles.PathHash"/> of <see cref="RelativePath"/>, which picks the entry's chunk: worked out
    /// once per edit of the file, not for every article each time the layout is built (a tenth of that build).
    /// </summary>
    public uint PathHash { get; } = Model.CatalogFiles.PathHash(RelativePath);

    /// <summary>The entry property's name as the slug gives it (<see cref="Model.MemberNames.FromSlug"/>), before collisions are settled.</summary>
    public string NaturalMemberName { get; init; } = "";

    /// <summary>The body's name in the packed bodies, when the catalog reads it from there (<see cref="Parsing.ParsedArticle.PackedBody"/>).</summary>
    public string? PackedBody { get; init; }

    /// <summary>The entry's address, when its collection declares a <c>Url</c> pattern.</summary>
    public string? Url { get; init; }

    /// <summary>The rendered body, when the collection declares an <c>[ArticleBody]</c> property.</summary>
    public Rendering.RenderedBody? Rendered { get; init; }

    /// <summary>Which properties each object of the entry sets (<see cref="ShapeKey"/>), distinct and ordered.</summary>
    public EquatableArray<ShapeKey> Shapes { get; init; } = EquatableArray<ShapeKey>.Empty;

    /// <summary>An entry with an error-level diagnostic is left out of the catalog, so the generated code always compiles.</summary>
    public bool IsIncluded => Value is not null && !HasErrors;

    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.IsError)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>
/// Which properties an object value sets: a bit per declared property, in declared order (an entry's own object
/// first has the four members from the file, <see cref="FileMembers"/>, always set). The generated readers have one
/// case per shape in use, keyed by this mask, so a shape's key never depends on the other articles.
/// </summary>
/// <param name="TypeName">The object's type.</param>
/// <param name="Mask">The bits, as lower-case hexadecimal without leading zeros ("0" when no property is set).</param>
internal sealed record ShapeKey(string TypeName, string Mask)
{
    /// <summary>The members of an entry that come from its file rather than its front matter, in the order the data holds them.</summary>
    public static readonly string[] FileMembers = ["SourcePath", "Body", "Id", "Slug"];

    /// <summary>Types with up to this many declared properties read their shape as one integer.</summary>
    public const int MaxInt64Properties = 64;

    public static ShapeKey Of(string typeName, int declaredCount, IEnumerable<int> present, bool withFileMembers)
    {
        var bits = new bool[declaredCount];
        foreach (var index in present)
        {
            bits[index] = true;
        }

        return Of(typeName, bits, withFileMembers);
    }

    /// <param name="typeName">The type.</param>
    /// <param name="present">Which members are set, by index (the file members first when <paramref name="withFileMembers"/>); the array is written to.</param>
    /// <param name="withFileMembers">Whether the type is an entry, whose file members are always set.</param>
    public static ShapeKey Of(string typeName, bool[] present, bool withFileMembers)
    {
        if (withFileMembers)
        {
            for (var i = 0; i < FileMembers.Length; i++)
            {
                present[i] = true;
            }
        }

        return new ShapeKey(typeName, Hex(present));
    }

    /// <summary>A bit set as hexadecimal, most significant digit first.</summary>
    public static string Hex(bool[] bits)
    {
        var digits = new char[(bits.Length + 3) / 4];
        var length = 0;
        for (var nibble = digits.Length - 1; nibble >= 0; nibble--)
        {
            var value = 0;
            for (var bit = 3; bit >= 0; bit--)
            {
                var index = (nibble * 4) + bit;
                value = (value << 1) | (index < bits.Length && bits[index] ? 1 : 0);
            }

            if (value != 0 || length > 0)
            {
                digits[length++] = "0123456789abcdef"[value];
            }
        }

        return length == 0 ? "0" : new string(digits, 0, length);
    }

    /// <summary>The mask as the signed 64-bit integer the data holds for types with up to <see cref="MaxInt64Properties"/> properties.</summary>
    public long ToInt64() => unchecked((long)ulong.Parse(Mask, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Whether the property at <paramref name="index"/> is set.</summary>
    public bool Has(int index)
    {
        var nibble = Mask.Length - 1 - (index / 4);
        if (nibble < 0)
        {
            return false;
        }

        var digit = Mask[nibble];
        var value = digit <= '9' ? digit - '0' : digit - 'a' + 10;
        return (value & (1 << (index % 4))) != 0;
    }
}
