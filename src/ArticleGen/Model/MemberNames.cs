using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ArticleGen.Schema;
using Microsoft.CodeAnalysis.CSharp;

namespace ArticleGen.Model;

/// <summary>
/// Names the static property of each entry after its slug (contract §3): split the slug at '-', '_', '.' and every
/// character that cannot continue a C# identifier, upper-case the first letter of each part, join, and prefix '_'
/// when the result starts with a digit (<c>2022-08-08-uk-watch</c> → <c>_20220808UkWatch</c>). A name already taken
/// (by an earlier entry in source-path order, a member of the type or of <c>object</c>, the type's own name, a
/// generated member) gets the first free suffix <c>_2</c>, <c>_3</c>, … Natural names never contain '_' after their
/// first character, so a suffixed name cannot be another entry's natural name.
/// </summary>
internal sealed class MemberNames
{
    private static readonly string[] GeneratedNames = ["All", "Count", "Get", "TryGet", "Id", "Slug", "Body", "SourcePath", ContentStore.ClassName];

    private readonly HashSet<string> _taken = new(System.StringComparer.Ordinal);

    public MemberNames(CollectionSchema schema)
    {
        _taken.UnionWith(schema.TakenMemberNames);
        _taken.UnionWith(GeneratedNames);
        _taken.Add(schema.Name);
        foreach (var property in schema.Root.Properties)
        {
            _taken.Add(property.Name);
        }
    }

    /// <summary>The first free name for an entry whose slug gives <paramref name="name"/> (<see cref="FromSlug"/>).</summary>
    public string Claim(string name)
    {
        if (name.Length == 0)
        {
            throw new System.ArgumentException("An entry's natural member name is never empty.", nameof(name));
        }

        // Add claims the name when it is free: one lookup per entry, not two.
        var candidate = name;
        for (var suffix = 2; IsKeyword(candidate) || !_taken.Add(candidate); suffix++)
        {
            candidate = name + "_" + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    public static string FromSlug(string slug)
    {
        var builder = new StringBuilder(slug.Length + 1);
        var startOfPart = true;
        foreach (var c in slug)
        {
            if (c is '-' or '_' or '.' || !SyntaxFacts.IsIdentifierPartCharacter(c) || IsFormattingCharacter(c))
            {
                startOfPart = true;
                continue;
            }

            builder.Append(startOfPart ? char.ToUpperInvariant(c) : c);
            startOfPart = false;
        }

        if (builder.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>Formatting characters continue identifiers in C# but are invisible and ignored in comparisons: dropped.</summary>
    private static bool IsFormattingCharacter(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <remarks>
    /// Every C# keyword, contextual ones too, starts with a lower-case ASCII letter or '_' (<c>__arglist</c>), and a
    /// natural name starts with neither unless its slug did: most names are answered without hashing them twice more
    /// (this runs for every entry each time the layout is built).
    /// </remarks>
    private static bool IsKeyword(string name) =>
        name[0] is (>= 'a' and <= 'z') or '_'
        && (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None);
}
