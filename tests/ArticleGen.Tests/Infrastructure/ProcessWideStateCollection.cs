using Xunit;

namespace ArticleGen.Tests.Infrastructure;

/// <summary>Tests that change process-wide state (the TZ variable, the cached local time zone) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideStateCollection
{
    public const string Name = "process-wide state";
}
