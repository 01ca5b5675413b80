using Xunit;

namespace ArticleGen.Tests.Infrastructure;

/// <summary>
/// Tests that run the dotnet CLI over this repository's projects run one at a time: two restores or builds of
/// src/ArticleGen at once would race on its obj/ folder.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DotNetCliCollection
{
    public const string Name = "dotnet CLI";
}
