using ArticleGen.Tests.Infrastructure;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>The README's first command, as a new user runs it.</summary>
[Collection(DotNetCliCollection.Name)]
public sealed class SampleTests
{
    [Fact]
    public void The_sample_prints_every_article_of_its_catalog_starting_with_the_seed()
    {
        var run = DotNetCli.Run(Corpus.RepositoryRoot, "run", "--project", "samples/ArticleGen.Sample");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("The UK will use smartwatches and facial recognition to monitor migrants convicted of crimes", run.Output);
        Assert.Contains("  2022-08-08  News  Computer Vision, AI", run.Output);
        Assert.Contains("3 articles", run.Output);
    }
}
