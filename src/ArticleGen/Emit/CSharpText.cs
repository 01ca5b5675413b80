using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ArticleGen.Emit;

/// <summary>
/// C# literals and names for generated code. Literals come from Roslyn's own formatters, so any text in an article
/// is a string literal and nothing else.
/// </summary>
internal static class CSharpText
{
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Int(int value) => SyntaxFactory.Literal(value).Text;

    /// <summary>A <c>long</c> literal (with its suffix); <c>long.MinValue</c> has no literal of its own.</summary>
    public static string Long(long value) => value == long.MinValue ? "long.MinValue" : SyntaxFactory.Literal(value).Text;

    /// <summary>
    /// Whether <paramref name="c"/> ends a line of C#: a <c>//</c> comment or a directive such as <c>#error</c> ends there,
    /// and article text after it would be read as code.
    /// </summary>
    public static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>A name as an identifier, with '@' where it is a keyword (an enum member called 'class').</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
