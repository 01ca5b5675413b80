using ArticleGen.Common;
using ArticleGen.Schema;

namespace ArticleGen.Binding;

/// <summary>What ART006 suggests for a key that matches no property of its type.</summary>
internal static class KeySuggestions
{
    /// <summary>
    /// How to bind a key that matches no property: a property it misses only by punctuation (<c>og:image</c> and
    /// <c>OgImage</c>) takes <c>[ArticleField("og:image")]</c>; a key one or two letters off a property's is likely a typo.
    /// </summary>
    public static string For(ObjectShape shape, string key)
    {
        var letters = KeyName.LettersAndDigits(key);
        if (letters.Length > 0)
        {
            foreach (var property in shape.Properties)
            {
                if (KeyName.LettersAndDigits(property.Key) == letters || KeyName.LettersAndDigits(property.Name) == letters)
                {
                    // A property that names its key already reads the other spelling: the files disagree, not the schema.
                    return property.HasExplicitKey
                        ? $". It misses {property.Name}, which reads '{property.Key}', only by punctuation: write the key '{property.Key}' as the other files do"
                        : $". It misses {property.Name} only by punctuation (keys ignore case, '-', '_' and '.'): declare [ArticleField({CSharpLiteral(key)})] on {property.Name}";
                }
            }
        }

        var normalized = KeyName.Normalize(key);
        if (normalized.Length >= 4 && normalized.Length <= 64)
        {
            foreach (var property in shape.Properties)
            {
                if (System.Math.Abs(property.MatchKey.Length - normalized.Length) <= 2 && EditDistance.Between(property.MatchKey, normalized) <= 2)
                {
                    return $". Did you mean '{property.Key}' ({property.Name})?";
                }
            }
        }

        return $". To read it, declare a property named after it, or mark one with [ArticleField({CSharpLiteral(key)})]";
    }

    private static string CSharpLiteral(string key) =>
        Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(MessageText.Shorten(key), quote: true);
}
