using System.Text.RegularExpressions;
using ArticleGen.Tests.Infrastructure;
using ArticleGen.Tests.RealData;
using Xunit;

namespace ArticleGen.Tests.HostileInput;

/// <summary>
/// Every file yields an entry or diagnostics, never neither, and never an exception: 20,000 mutated variants of
/// real articles go through the generator and the analyzer in-process, in batches; the generated code of every
/// tenth batch is compiled. Seed and counts are fixed, so a failure names the variant that reproduces it.
/// </summary>
public sealed class FuzzingTests
{
    private const int Seed = 20261126;
    private const int Variants = 20_000;
    private const int BatchSize = 250;

    [CorpusFact]
    public void Mutated_real_articles_never_throw_and_always_yield_an_entry_or_a_diagnostic()
    {
        var root = Corpus.PowerApps("");

        // Learning paths refer to other entries: one that names a broken variant is left out without a
        // diagnostic of its own (contract §4), so they are not fuzzed here.
        var originals = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("_learning/collections/", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (Folder: path.Substring(0, path.LastIndexOf('/')), Bytes: File.ReadAllBytes(Path.Combine(root, path))))
            .ToList();

        var random = new Random(Seed);
        var accepted = 0;
        for (var batch = 0; batch < Variants / BatchSize; batch++)
        {
            var project = new TestProject().WithSource(PowerAppsSchemas.Source);
            var paths = new List<string>();
            for (var i = 0; i < BatchSize; i++)
            {
                var variant = (batch * BatchSize) + i;
                var (folder, bytes) = originals[random.Next(originals.Count)];
                var path = $"content/{folder}/variant-{variant:00000}.md";
                project.WithArticleBytes(path, ArticleMutator.Mutate(bytes, random));
                paths.Add(path);
            }

            GeneratorRun run;
            try
            {
                run = project.Run();
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException($"Batch {batch} (variants {batch * BatchSize}–{((batch + 1) * BatchSize) - 1}, seed {Seed}) failed:\n{exception}");
            }

            var included = run.Result.Results.SelectMany(r => r.GeneratedSources)
                .SelectMany(s => Regex.Matches(s.SourceText.ToString(), "/// <remarks>From <c>(.*?)</c>.</remarks>").Select(m => m.Groups[1].Value))
                .ToHashSet(StringComparer.Ordinal);
            var diagnosed = run.ArticleDiagnostics
                .Select(d => d.Location.GetLineSpan().Path.Substring(TestProject.Directory.Length))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                Assert.True(included.Contains(path) || diagnosed.Contains(path), $"{path} (seed {Seed}) yielded neither an entry nor a diagnostic");
            }

            accepted += paths.Count(included.Contains);
            if (batch % 10 == 0)
            {
                run.AssertCompilesWithoutWarnings();
            }
        }

        // The mutations must leave a fair share of articles valid, or the generated code is barely exercised.
        Assert.InRange(accepted, Variants / 10, Variants - 1);
    }
}
