using Xunit;

namespace ArticleGen.Tests.Infrastructure;

/// <summary>
/// Tests that run the dotnet CLI over this repository's projects run one at a time: two restores or builds of
/// src/ArticleGen at once would race on its obj/ folder. They also run apart from every other test: the live-editing
/// tests time what a writer waits for, which the in-memory tests, sharing two cores, would slow down.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DotNetCliCollection
{
    public const string Name = "dotnet CLI";
}
