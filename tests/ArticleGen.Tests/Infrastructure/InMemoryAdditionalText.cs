using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ArticleGen.Tests.Infrastructure;

/// <summary>An article the compiler sees as an AdditionalFile, held in memory.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, Encoding.UTF8);
    }

    /// <summary>A file given as bytes, decoded as the compiler decodes additional files: by BOM, else UTF-8, else the fallback code page.</summary>
    public InMemoryAdditionalText(string path, byte[] bytes)
    {
        Path = path;
        _text = SourceText.From(new MemoryStream(bytes), encoding: null, throwIfBinaryDetected: false);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
