using Microsoft.CodeAnalysis.Text;

namespace ArticleGen.Parsing;

/// <summary>A position in an article file: character offset and zero-based line and column.</summary>
internal readonly record struct TextPosition(int Offset, int Line, int Column);

/// <summary>Where a piece of front matter stands in the article file, start inclusive, end exclusive.</summary>
internal readonly record struct SourceRange(TextPosition Start, TextPosition End)
{
    public TextSpan Span => TextSpan.FromBounds(Start.Offset, End.Offset < Start.Offset ? Start.Offset : End.Offset);

    public LinePositionSpan LineSpan => new(
        new LinePosition(Start.Line, Start.Column),
        End.Offset < Start.Offset ? new LinePosition(Start.Line, Start.Column) : new LinePosition(End.Line, End.Column));
}
