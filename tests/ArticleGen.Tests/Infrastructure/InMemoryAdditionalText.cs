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

    /// <summary>
    /// A file given as bytes, decoded as the compiler decodes additional files: by its byte-order mark, else as
    /// UTF-8 when it is valid UTF-8, else in the fallback encoding: UTF-8 with U+FFFD for bad bytes, as the compiler
    /// does on .NET on Linux, or a code page (<paramref name="fallback"/>), as it does where the OS has one.
    /// </summary>
    public InMemoryAdditionalText(string path, byte[] bytes, Encoding? fallback = null)
    {
        Path = path;
        Encoding? byMark = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            [0xFF, 0xFE, ..] => Encoding.Unicode,
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
            _ => null,
        };
        if (byMark is not null)
        {
            _text = SourceText.From(new MemoryStream(bytes), byMark, throwIfBinaryDetected: false);
            return;
        }

        try
        {
            _text = SourceText.From(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), new UTF8Encoding(false));
        }
        catch (DecoderFallbackException)
        {
            fallback ??= new UTF8Encoding(false);
            _text = SourceText.From(fallback.GetString(bytes), fallback);
        }
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
