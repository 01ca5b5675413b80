using ArticleGen.Common;

namespace ArticleGen.Parsing;

/// <summary>
/// The front matter as a tree that remembers where every key and value was written. Records compare by value,
/// so an article whose front matter did not change yields an equal tree and the steps after parsing stay cached.
/// </summary>
internal abstract record YamlNode(SourceRange Range)
{
    /// <summary>How many nodes this one stands for once aliases are expanded (itself included).</summary>
    public abstract long ExpandedSize { get; }

    /// <summary>What the node is, in the words a message to a person uses ("a mapping", "'high'").</summary>
    public abstract string Describe();
}

/// <summary>How a scalar was written; only plain scalars can mean null, since quoting makes a string.</summary>
internal enum ScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

internal sealed record YamlScalar(SourceRange Range, string Value, ScalarStyle Style) : YamlNode(Range)
{
    public override long ExpandedSize => 1;

    /// <summary>YAML's null: an empty plain scalar, <c>~</c>, or <c>null</c> in any of its spellings.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "null" : "'" + MessageText.Shorten(Value, 60) + "'";
}

internal sealed record YamlMappingEntry(YamlNode Key, YamlNode Value);

internal sealed record YamlMapping(SourceRange Range, EquatableArray<YamlMappingEntry> Entries, long Size) : YamlNode(Range)
{
    public override long ExpandedSize => Size;

    public override string Describe() => "a mapping";
}

internal sealed record YamlSequence(SourceRange Range, EquatableArray<YamlNode> Items, long Size) : YamlNode(Range)
{
    public override long ExpandedSize => Size;

    public override string Describe() => "a list";
}
