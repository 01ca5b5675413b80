using ArticleGen;

namespace ArticleGen.Web;

/// <summary>A news post of ruby-lang.org: every file in content/news is one, checked at compile time.</summary>
[ArticleCollection("content/news/*.md")]
public sealed partial record NewsPost
{
    /// <summary>The headline.</summary>
    public required string Title { get; init; }

    /// <summary>Who wrote it (a ruby-lang.org account name, or a group such as "Fukuoka Ruby").</summary>
    public string? Author { get; init; }

    /// <summary>Who translated it, for the translated editions (empty in the English posts).</summary>
    public string? Translator { get; init; }

    /// <summary>When it was published.</summary>
    public required DateTimeOffset Date { get; init; }

    /// <summary>The language of the post.</summary>
    public required string Lang { get; init; }

    /// <summary>The Jekyll layout the site renders it with.</summary>
    public string? Layout { get; init; }

    /// <summary>Its tags (the site's posts have one at most: <c>security</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
