using System;
using System.Linq;
using System.Threading;
using ArticleGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ArticleGen.Parsing;

/// <summary>
/// A Markdown file as every per-file step reads it: its path and its text, equal to another with the same path and
/// the same content (the same checksum of the same bytes, decoded the same way), whichever <see cref="AdditionalText"/>
/// it came from.
/// </summary>
/// <remarks>
/// Why not the <see cref="AdditionalText"/> itself: the driver compares additional texts by identity. In the IDE an
/// unchanged file keeps its object, but the compiler server, when it keeps a project's generator state between builds
/// (<c>enable-generator-cache</c>, which ArticleGen's targets switch on), hands the driver a new object for every file
/// on every build. Keyed by the object, every article would be read and bound again; keyed by content, a build after
/// touching one file reads that file alone, and every step after this one stays cached.
/// </remarks>
internal sealed class MarkdownFile : IEquatable<MarkdownFile>
{
    private MarkdownFile(string path, SourceText? text, Exception? readFailure = null)
    {
        Path = path;
        Text = text;
        ReadFailure = readFailure;
    }

    /// <summary>The file's full path, as the compiler names it.</summary>
    public string Path { get; }

    /// <summary>The text, or null when the compiler could not read the file.</summary>
    public SourceText? Text { get; }

    /// <summary>
    /// What the analyzer checks the generator's findings against (<see cref="Findings"/>); null for an unreadable file.
    /// Computed when first asked, not when read: the analyzer reading articles on its own never needs it, and it needs
    /// the text's checksum, a hash of every byte. Kept once computed: the findings list every file's digest after every
    /// edit, and a file the driver keeps from an earlier run is not folded again.
    /// </summary>
    public FileDigest? Digest
    {
        get
        {
            if (Text is null)
            {
                return null;
            }

            // A boxed value, so that a reader on another thread sees it whole; two threads may compute it, alike.
            if (_digest is not FileDigest digest)
            {
                digest = FileDigest.Of(Path, Text);
                _digest = digest;
            }

            return digest;
        }
    }

    private object? _digest;

    /// <summary>What the host's <see cref="AdditionalText.GetText"/> threw (the compiler's own never throws), reported where the file is read.</summary>
    public Exception? ReadFailure { get; }

    public static MarkdownFile Read(AdditionalText file, CancellationToken cancellationToken)
    {
        try
        {
            return new(file.Path, file.GetText(cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new(file.Path, null, exception);
        }
    }

    /// <summary>For tests and callers that hold a text already.</summary>
    public static MarkdownFile Of(string path, SourceText? text) => new(path, text);

    public bool Equals(MarkdownFile? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || ReadFailure is not null || other.ReadFailure is not null || !string.Equals(Path, other.Path, StringComparison.Ordinal))
        {
            return false;
        }

        if (ReferenceEquals(Text, other.Text))
        {
            return true;
        }

        // The same bytes under the same checksum algorithm, decoded with the same encoding: the same characters, as
        // Roslyn's own SourceText.ContentEquals decides when both checksums are known. (A text made from a string, as
        // an editor's, is hashed through its encoding, where a lone surrogate and U+FFFD encode alike; the compiler
        // hashes a file's bytes.) The encoding counts on its own because the reader looks at it, by type (a file that
        // is not UTF-8 is an error, and only a UTF-8 body is packed). A text computes its checksum once.
        return Text is not null && other.Text is not null
            && Text.Length == other.Text.Length
            && Text.ChecksumAlgorithm == other.Text.ChecksumAlgorithm
            && Text.Encoding?.GetType() == other.Text.Encoding?.GetType()
            && string.Equals(Text.Encoding?.WebName, other.Text.Encoding?.WebName, StringComparison.Ordinal)
            && Text.GetChecksum().SequenceEqual(other.Text.GetChecksum());
    }

    public override bool Equals(object? obj) => Equals(obj as MarkdownFile);

    // The path alone: a hash of the content would compute every checksum to put files in a set.
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path);

    public override string ToString() => Path;
}
