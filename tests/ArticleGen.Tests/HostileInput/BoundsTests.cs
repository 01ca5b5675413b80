using System.Diagnostics;
using System.Text;
using ArticleGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ArticleGen.Tests.HostileInput;

/// <summary>
/// The worst inputs a ten-line file can be: each gives a diagnostic in bounded time and memory, never a stack
/// overflow (which would kill the compiler) or gigabytes of expanded aliases. Large but honest values are fine.
/// </summary>
public sealed class BoundsTests
{
    private const string Schema = """
        [ArticleCollection("content/*.md")]
        public sealed partial record Post
        {
            public string? Title { get; init; }
            public IReadOnlyList<string> Tags { get; init; } = [];
        }
        """;

    private static (GeneratorRun Run, TimeSpan Elapsed) Measure(string frontMatter)
    {
        var watch = Stopwatch.StartNew();
        var run = new TestProject().WithSource(Schema).WithArticle("content/a.md", "---\n" + frontMatter + "\n---\n").Run();
        return (run, watch.Elapsed);
    }

    [Fact]
    public void A_billion_laughs_file_gives_ART003_without_expanding_its_aliases()
    {
        var yaml = new StringBuilder("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append($"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))).Append("]\n");
        }

        var before = GC.GetTotalAllocatedBytes();
        var (run, elapsed) = Measure(yaml + "tags: *a9");
        var allocated = GC.GetTotalAllocatedBytes() - before;

        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART003");
        Assert.Contains("expands to more than 100,000 nodes", DiagnosticAssert.Message(diagnostic));
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"took {elapsed}");
        Assert.True(allocated < 1L << 30, $"allocated {allocated:N0} bytes");
    }

    [Theory]
    [InlineData("flow sequence")]
    [InlineData("flow mapping")]
    [InlineData("block sequence")]
    public void Nesting_100000_deep_gives_ART003_not_a_stack_overflow(string form)
    {
        const int depth = 100_000;
        var yaml = form switch
        {
            "flow sequence" => "tags: " + new string('[', depth) + new string(']', depth),
            "flow mapping" => "tags: " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "x" + new string('}', depth),
            _ => "tags:\n" + string.Concat(Enumerable.Repeat("- ", depth)) + "x",
        };

        // A stack overflow cannot be caught: run where it would end the test host, on a thread with a small stack.
        GeneratorRun? run = null;
        var thread = new Thread(() => run = Measure(yaml).Run, maxStackSize: 1 << 20);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "did not finish in 60 s");

        var diagnostic = DiagnosticAssert.Single(run!.ArticleDiagnostics, "ART003");
        // At the 64th opening: with the top-level mapping, the 65th level.
        var (line, column) = form switch
        {
            "flow sequence" => (2, 7 + 63),
            "flow mapping" => (2, 7 + (4 * 63)),
            _ => (3, 1 + (2 * 63)),
        };
        DiagnosticAssert.At(diagnostic, "ART003", DiagnosticSeverity.Error, "content/a.md", line, column);
        Assert.Contains("nests deeper than 64 levels", DiagnosticAssert.Message(diagnostic));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    public void A_string_budget_of_next_to_nothing_puts_all_data_in_utf8_literals_and_reads_back_the_same(string budget)
    {
        var run = new TestProject()
            .WithProperty("ArticleGenStringDataBudget", budget)
            .WithSource(Schema)
            .WithArticle("content/a.md", "---\ntitle: Ä 🙂\n---\nBody é\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        Assert.Contains("u8, data, at);", run.GeneratedSource("Post.Store.0.g.cs"));
        Assert.Equal(new object?[] { "Ä 🙂", "Body é\n" }, run.Evaluate("Post.A.Title", "Post.A.Body"));
    }

    [Fact]
    public void Before_CSharp_11_data_past_the_budget_goes_in_byte_arrays_as_in_a_netstandard2_0_library_without_Span()
    {
        // C# 10 has no u8 literals: this is the path a netstandard2.0 library without System.Memory takes,
        // byte arrays and the character-by-character unpacking, run here.
        var run = new TestProject()
            .WithLanguageVersion(LanguageVersion.CSharp10)
            .WithProperty("ArticleGenStringDataBudget", "5")
            .WithSource(Schema.Replace("= [];", "= Array.Empty<string>();", StringComparison.Ordinal))
            .WithArticle("content/a.md", "---\ntitle: Ä 🙂\ntags: [x, y]\n---\nBody é\n")
            .WithArticle("content/b.md", "---\ntitle: B\n---\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var chunk = run.GeneratedSource("Post.Store.0.g.cs");
        Assert.Contains("at += Copy(new byte[] {", chunk);
        Assert.DoesNotContain("u8", chunk);
        Assert.DoesNotContain("MemoryMarshal", run.GeneratedSource("Post.Store.g.cs"));
        Assert.Equal(new object?[] { "Ä 🙂", "Body é\n", "y", "B" }, run.Evaluate("Post.A.Title", "Post.A.Body", "Post.A.Tags[1]", "Post.Get(\"b\").Title"));
    }

    [Fact]
    public void An_invalid_string_budget_is_ART017_and_the_default_applies()
    {
        var run = new TestProject()
            .WithProperty("ArticleGenStringDataBudget", "4 MB")
            .WithSource(Schema)
            .WithArticle("content/a.md", "---\ntitle: A\n---\n")
            .Run()
            .AssertCompilesWithoutWarnings();

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ART017");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("The MSBuild property ArticleGenStringDataBudget is '4 MB', which is not a whole number of bytes; ArticleGen uses 12582912 instead", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("u8, data, at);", run.GeneratedSource("Post.Store.0.g.cs"));
        Assert.Equal("A", run.Evaluate("Post.A.Title"));
    }

    [Fact]
    public void Values_and_keys_of_megabytes_are_fine()
    {
        var big = new string('x', 2_000_000);
        // YAML limits implicit keys to 1,024 characters; a longer key is written explicitly ('? key').
        var (run, _) = Measure($"title: {big}\ntags: [{big}]\n? {big}\n: 1");
        var unknown = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART006");
        Assert.True(DiagnosticAssert.Message(unknown).Length < 1_000, "a message quotes a huge key in full");
        run.AssertCompilesWithoutWarnings();
        Assert.Equal(new object?[] { 2_000_000, 2_000_000 }, run.Evaluate("Post.A.Title!.Length", "Post.A.Tags[0].Length"));
    }

    [Fact]
    public void Data_past_the_string_budget_goes_in_utf8_chunks_and_reads_back_exactly_even_where_a_chunk_ends_inside_a_character()
    {
        // Two bodies of random 4-byte characters, too many to compress into the budget: the compressed part and the
        // 64 KiB u8 literals after it end wherever the bytes run out, mostly inside a character, unless they move to
        // one's start.
        var random = new Random(7);
        string Characters(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => char.ConvertFromUtf32(0x1F300 + random.Next(0x300))));
        var odd = "a" + Characters(400_000);
        var even = Characters(400_000) + "é";
        var run = new TestProject()
            .WithProperty("ArticleGenStringDataBudget", "1000001")
            .WithSource(Schema)
            .WithArticle("content/a.md", "---\ntitle: A\n---\n" + odd)
            .WithArticle("content/b.md", "---\ntitle: B\n---\n" + even)
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var chunk = run.GeneratedSource("Post.Store.0.g.cs");
        Assert.Contains("var data = Unpack(", chunk);
        Assert.Contains("u8, data, at);", chunk);
        Assert.Equal(new object?[] { true, true }, run.Evaluate($"Post.A.Body.Length == {odd.Length} && Post.A.Body.StartsWith(\"a\")", $"Post.B.Body.Length == {even.Length} && Post.B.Body.EndsWith(\"é\")"));
        var bodies = run.Evaluate("Post.A.Body", "Post.B.Body");
        Assert.True(odd == (string)bodies[0]! && even == (string)bodies[1]!, "a body changed on its way through the data");
    }
}
