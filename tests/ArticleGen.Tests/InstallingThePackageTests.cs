using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ArticleGen.Tests.Infrastructure;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>
/// Contract §1, as a user meets it: pack ArticleGen with a fresh version, add it to a new project from a local
/// folder feed with the one PackageReference line, drop articles into content/, build, run. A broken project
/// fails its build with each diagnostic at its file, line and column.
/// </summary>
[Collection(DotNetCliCollection.Name)]
public sealed class InstallingThePackageTests(InstallingThePackageTests.PackedPackage package) : IClassFixture<InstallingThePackageTests.PackedPackage>
{
    private static readonly string SeedArticle = File.ReadAllText(Path.Combine(
        Corpus.RepositoryRoot, "samples", "ArticleGen.Sample", "content", "2022-08-08-uk-smartwatches-facial-recognition.md"));

    private const string Collection = """
        using ArticleGen;

        namespace Consumer;

        /// <summary>A news item.</summary>
        [ArticleCollection("content/news/*.md")]
        public sealed partial record NewsArticle
        {
            /// <summary>The headline.</summary>
            public required string Title { get; init; }

            /// <summary>When it was published.</summary>
            public required DateTimeOffset PublishedDateTime { get; init; }

            /// <summary>How good it is.</summary>
            public int Quality { get; init; }

            /// <summary>How hot it is.</summary>
            public int Heat { get; init; }

            /// <summary>What kind of item.</summary>
            public Category Category { get; init; }

            /// <summary>Topics.</summary>
            public IReadOnlyList<string> Topics { get; init; } = [];

            /// <summary>The publisher.</summary>
            public Provider? Provider { get; init; }
        }

        /// <summary>Kinds of item.</summary>
        public enum Category
        {
            /// <summary>News.</summary>
            News,

            /// <summary>Video.</summary>
            Video,
        }

        /// <summary>A publisher.</summary>
        public sealed record Provider
        {
            /// <summary>Name.</summary>
            public required string Name { get; init; }

            /// <summary>Logos.</summary>
            public IReadOnlyList<Image> Images { get; init; } = [];
        }

        /// <summary>An image.</summary>
        public sealed record Image
        {
            /// <summary>Where.</summary>
            public required string Url { get; init; }

            /// <summary>Width.</summary>
            public int Width { get; init; }
        }
        """;

    private const string EveryType = """
        using System.Collections.Immutable;
        using ArticleGen;

        namespace Consumer;

        /// <summary>Every field type at once.</summary>
        [ArticleCollection("content/every/*.md")]
        public sealed partial class Every
        {
            /// <summary>.</summary>
            public string? Text { get; init; }

            /// <summary>.</summary>
            public bool Flag { get; init; }

            /// <summary>.</summary>
            public long Int64 { get; init; }

            /// <summary>.</summary>
            public double Ratio { get; init; }

            /// <summary>.</summary>
            public decimal Price { get; init; }

            /// <summary>.</summary>
            public DateTime When { get; init; }

            /// <summary>.</summary>
            public DateOnly Day { get; init; }

            /// <summary>.</summary>
            public TimeOnly Starts { get; init; }

            /// <summary>.</summary>
            public TimeSpan Length { get; init; }

            /// <summary>.</summary>
            public Uri? Link { get; init; }

            /// <summary>.</summary>
            public Guid Key { get; init; }

            /// <summary>.</summary>
            public Shade Kind { get; init; }

            /// <summary>.</summary>
            public List<string> Names { get; init; } = [];

            /// <summary>.</summary>
            public int?[] Maybe { get; init; } = [];

            /// <summary>.</summary>
            public ImmutableArray<string> Frozen { get; init; } = [];

            /// <summary>.</summary>
            public IReadOnlyDictionary<string, int> Scores { get; init; } = new Dictionary<string, int>();

            /// <summary>.</summary>
            public IEnumerable<IReadOnlyList<int>> Grid { get; init; } = [];

            /// <summary>.</summary>
            public IReadOnlyList<NewsArticle> News { get; init; } = [];

            /// <summary>Every value on one line.</summary>
            public override string ToString() => string.Join("|",
                Text, Flag, Int64, Ratio.ToString(System.Globalization.CultureInfo.InvariantCulture), Price.ToString(System.Globalization.CultureInfo.InvariantCulture),
                When.ToString("O"), Day.ToString("O"), Starts.ToString("HH:mm:ss"), Length, Link, Key, Kind, string.Join(",", Names), string.Join(",", Maybe),
                string.Join(",", Frozen), string.Join(",", Scores.Select(s => s.Key + "=" + s.Value)), string.Join(";", Grid.Select(r => string.Join(",", r))),
                string.Join(",", News.Select(n => n.Title)));
        }

        /// <summary>Shades.</summary>
        public enum Shade
        {
            /// <summary>.</summary>
            Light,

            /// <summary>.</summary>
            DarkBlue,
        }
        """;

    private const string Program = """
        using Consumer;

        foreach (var article in NewsArticle.All)
        {
            Console.WriteLine($"{article.Slug}|{article.Title}|{article.PublishedDateTime:O}|{article.Quality}|{article.Heat}|{string.Join(",", article.Topics)}|{article.Provider?.Images.FirstOrDefault()?.Width}");
        }

        Console.WriteLine($"count={NewsArticle.Count}");
        """;

    [Fact]
    public void The_package_carries_the_generator_its_dependencies_and_the_build_files()
    {
        using var archive = ZipFile.OpenRead(package.Path);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("analyzers/dotnet/cs/ArticleGen.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        // Markdig renders bodies; System.Memory, which it asks for, is every compiler host's own (shipping one could clash).
        Assert.Contains("analyzers/dotnet/cs/Markdig.dll", entries);
        // The code fixes, which need Workspaces: the IDE has them, and a compiler finds no analyzer in that assembly to load.
        Assert.Contains("analyzers/dotnet/cs/ArticleGen.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, e => e.Contains("Workspaces", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("System.Memory", StringComparison.Ordinal));
        // The build task that packs the bodies; MSBuild provides the MSBuild assemblies it uses.
        Assert.Contains("tasks/netstandard2.0/ArticleGen.Build.dll", entries);
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.Ordinal));
        Assert.Contains("build/ArticleGen.props", entries);
        Assert.Contains("build/ArticleGen.targets", entries);
        Assert.Contains("buildTransitive/ArticleGen.props", entries);
        Assert.Contains("buildTransitive/ArticleGen.targets", entries);
        // What the targets hand the compiler when dotnet watch loads the project for hot reload.
        Assert.Contains("build/ArticleGen.HotReload.globalconfig", entries);
        Assert.Contains("buildTransitive/ArticleGen.HotReload.globalconfig", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_consumer_builds_warning_free_and_runs_and_a_deleted_or_renamed_article_changes_the_catalog()
    {
        using var consumer = package.CreateConsumer("good");
        consumer.Write("NewsArticle.cs", Collection);
        consumer.Write("Program.cs", Program.Replace("using Consumer;\n", "using Consumer;\n\nConsole.WriteLine(Every.One);\n"));
        consumer.Write("content/news/2022-08-08-uk-smartwatches-facial-recognition.md", SeedArticle.Replace("\nprovider:", "\nunknownKeysAreWarnings: 1\nprovider:"));
        consumer.Write("content/news/second.md", "---\ntitle: Second\npublishedDateTime: 2023-01-02T03:04:05+01:00\ncategory: video\nquality: 7\n---\nBody\n");
        consumer.Write("README.md", "Not an article: no collection's glob matches it.\n");
        consumer.Write("Everything.cs", EveryType);
        consumer.Write("content/every/one.md", """
            ---
            text: "quote \" backslash \\ tab\t"
            flag: true
            int64: -9007199254740993
            ratio: 0.125
            price: 19.99
            when: 2022-08-08T11:55:00
            day: 2024-02-29
            starts: "09:30:15"
            length: PT2H44M
            link: /assets/a.png
            key: 0f8fad5b-d9cb-469f-a165-70867728950e
            kind: dark-blue
            names: [a, b]
            maybe: [1, ~]
            frozen: [x, y]
            scores: {alice: 3}
            grid: [[1, 2], [3]]
            news: [second]
            ---
            """);

        // Every key of the seed that the schema lacks is an ART006 warning; under TreatWarningsAsErrors they
        // would fail the build, so this consumer lowers ART006 the usual way.
        var build = consumer.Build("-p:NoWarn=ART006");
        Assert.True(build.ExitCode == 0, build.ToString());
        AssertNoGeneratorOrAnalyzerFailure(build);

        var run = consumer.Run();
        Assert.Equal(
            "quote \" backslash \\ tab\t|True|-9007199254740993|0.125|19.99|2022-08-08T11:55:00.0000000Z|2024-02-29|09:30:15|02:44:00|/assets/a.png|0f8fad5b-d9cb-469f-a165-70867728950e|DarkBlue|a,b|1,|x,y|alice=3|1,2;3|Second",
            run[0]);
        Assert.Equal(
            [
                "2022-08-08-uk-smartwatches-facial-recognition|The UK will use smartwatches and facial recognition to monitor migrants convicted of crimes|2022-08-08T11:55:00.0000000+00:00|39|-1|Computer Vision,AI|50",
                "second|Second|2023-01-02T03:04:05.0000000+01:00|7|0||",
                "count=2",
            ],
            run.Skip(1));

        // Deleting an article: the SDK would skip the compile (every remaining input is older) without the package's targets.
        File.Delete(consumer.PathOf("content/news/second.md"));
        var dangling = consumer.Build("-p:NoWarn=ART006");
        Assert.Contains("content/every/one.md(19,8): error ART010", dangling.Output); // one.md still names it
        File.WriteAllText(consumer.PathOf("content/every/one.md"), File.ReadAllText(consumer.PathOf("content/every/one.md")).Replace("news: [second]", "news: []"));
        Assert.Equal(0, consumer.Build("-p:NoWarn=ART006").ExitCode);
        Assert.Equal("count=1", consumer.Run().Last());

        // Renaming one: the old slug is gone, the new one is there.
        File.Move(consumer.PathOf("content/news/2022-08-08-uk-smartwatches-facial-recognition.md"), consumer.PathOf("content/news/renamed.md"));
        Assert.Equal(0, consumer.Build("-p:NoWarn=ART006").ExitCode);
        Assert.StartsWith("renamed|The UK will use", consumer.Run()[1]);
    }

    /// <summary>
    /// With the compiler server, which a developer's machine has, the package's targets ask Roslyn to keep the
    /// generators' state from one build to the next (enable-generator-cache): every build must still give what a fresh
    /// build gives, after edits the kept state could hide (same-length edits of a title and of a body, a touch, an
    /// article added, removed or renamed, a C# edit) and with errors, which must fail every build until fixed, whoever
    /// reports them (the analyzer, or the generator with analyzers off). A second generator in the project, a canary,
    /// shows that the state was kept: it makes a value once per driver. The server is this test's own (its own pipe).
    /// </summary>
    [Fact]
    public void With_the_compiler_server_keeping_the_generators_state_every_build_shows_every_edit()
    {
        using var consumer = package.CreateConsumer("server", onlyLocalFeed: false, extraItems: """
            <ProjectReference Include="canary/Canary.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <Compile Remove="canary/**" />
            """);
        consumer.Write("canary/Canary.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework><LangVersion>latest</LangVersion></PropertyGroup>
              <ItemGroup><PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" /></ItemGroup>
            </Project>
            """);
        consumer.Write("canary/Canary.cs", """
            using Microsoft.CodeAnalysis;

            /// <summary>Makes a value once per generator driver: a driver kept from the last build keeps it, a new one makes another.</summary>
            [Generator]
            public sealed class Canary : IIncrementalGenerator
            {
                public void Initialize(IncrementalGeneratorInitializationContext context)
                {
                    var made = context.ParseOptionsProvider.Select(static (_, _) => System.Guid.NewGuid().ToString("N"));
                    context.RegisterSourceOutput(made, static (output, id) => output.AddSource("Canary.g.cs", "internal static class Canary { public const string Driver = \"" + id + "\"; }"));
                }
            }
            """);
        consumer.Write("NewsArticle.cs", """
            using ArticleGen;

            namespace Consumer;

            /// <summary>A news item.</summary>
            [ArticleCollection("content/news/*.md")]
            public sealed partial record NewsArticle
            {
                /// <summary>The headline.</summary>
                public required string Title { get; init; }
            }
            """);
        const string program = "Console.WriteLine(string.Join(\"|\", Consumer.NewsArticle.All.Select(a => a.Slug + \"=\" + a.Title + \":\" + a.Body.Trim())));\nConsole.WriteLine(Canary.Driver);\n";
        consumer.Write("Program.cs", program);
        consumer.Write("content/news/a.md", "---\ntitle: Alpha\n---\nOne\n");
        consumer.Write("content/news/b.md", "---\ntitle: Bravo\n---\nTwo\n");

        var pipe = "articlegen-test-" + Guid.NewGuid().ToString("N");
        string[] server = ["-p:UseSharedCompilation=true", "-p:SharedCompilationId=" + pipe, "-v:n"];
        try
        {
            var first = consumer.Build(server);
            Assert.True(first.ExitCode == 0, first.ToString());
            AssertNoGeneratorOrAnalyzerFailure(first);
            Assert.Contains("/features:enable-generator-cache", first.Output, StringComparison.Ordinal);
            var (entries, driver) = RunWithCanary();
            Assert.Equal("a=Alpha:One|b=Bravo:Two", entries);

            void BuildAndExpect(string expected, string[]? extra = null)
            {
                var build = consumer.Build([.. server, .. extra ?? []]);
                Assert.True(build.ExitCode == 0, build.ToString());
                Assert.Contains("CompilerServer: server - server processed compilation", build.Output, StringComparison.Ordinal); // not the fallback to an in-process compiler
                AssertNoGeneratorOrAnalyzerFailure(build);
                var (now, canary) = RunWithCanary();
                Assert.Equal(expected, now);
                Assert.Equal(driver, canary); // the state was kept: this build did not start from nothing
            }

            void BuildAndFail(string place, string[]? extra = null)
            {
                var build = consumer.Build([.. server, .. extra ?? []]);
                Assert.NotEqual(0, build.ExitCode);
                Assert.Contains(place, build.Output, StringComparison.Ordinal);
            }

            consumer.Write("content/news/b.md", "---\ntitle: Bravx\n---\nTwo\n"); // same length, one letter of the title
            BuildAndExpect("a=Alpha:One|b=Bravx:Two");
            consumer.Write("content/news/b.md", "---\ntitle: Bravx\n---\nTwx\n"); // same length, one letter of the body
            BuildAndExpect("a=Alpha:One|b=Bravx:Twx");
            File.SetLastWriteTimeUtc(consumer.PathOf("content/news/a.md"), DateTime.UtcNow); // touched, not changed
            BuildAndExpect("a=Alpha:One|b=Bravx:Twx");
            consumer.Write("content/news/c.md", "---\ntitle: Charlie\n---\nThree\n");
            BuildAndExpect("a=Alpha:One|b=Bravx:Twx|c=Charlie:Three");
            File.Delete(consumer.PathOf("content/news/a.md"));
            BuildAndExpect("b=Bravx:Twx|c=Charlie:Three");
            File.Move(consumer.PathOf("content/news/c.md"), consumer.PathOf("content/news/d.md")); // as many files as before
            BuildAndExpect("b=Bravx:Twx|d=Charlie:Three");
            consumer.Write("Program.cs", program.Replace("\"|\"", "\"/\"", StringComparison.Ordinal));
            BuildAndExpect("b=Bravx:Twx/d=Charlie:Three");

            // An error fails every build until it is fixed, reported by the analyzer (from the generator's findings) or,
            // with analyzers off, by the generator, whose kept outputs must report it again.
            foreach (var analyzers in new[] { "-p:RunAnalyzers=true", "-p:RunAnalyzers=false" })
            {
                consumer.Write("content/news/b.md", "---\ntitle: [Bravx]\n---\nTwx\n");
                BuildAndFail("content/news/b.md(2,8): error ART005", [analyzers]);
                File.SetLastWriteTimeUtc(consumer.PathOf("content/news/b.md"), DateTime.UtcNow);
                BuildAndFail("content/news/b.md(2,8): error ART005", [analyzers]);
                consumer.Write("content/news/b.md", "---\ntitle: Bravx\n---\nTwx\n");
                BuildAndExpect("b=Bravx:Twx/d=Charlie:Three", [analyzers]);
            }

            // Writing the generated files out asks for no kept driver: the one kept from the builds above (which wrote
            // nothing) names its files after obj/, and Roslyn, which keeps drivers by the assembly's path alone, would
            // write them there rather than where CompilerGeneratedFilesOutputPath says.
            var emitted = consumer.Build([.. server, "--no-incremental", "-p:EmitCompilerGeneratedFiles=true"]);
            Assert.True(emitted.ExitCode == 0, emitted.ToString());
            Assert.DoesNotContain("enable-generator-cache", emitted.Output, StringComparison.Ordinal);
            var generatedFolder = consumer.PathOf("obj/Debug/net10.0/generated/ArticleGen/ArticleGen.ArticleCollectionGenerator");
            Assert.True(Directory.Exists(generatedFolder) && Directory.EnumerateFiles(generatedFolder, "Consumer.NewsArticle*.g.cs").Any(), emitted.ToString());
            Assert.False(Directory.Exists(consumer.PathOf("obj/Debug/net10.0/ArticleGen")), "generated files written under obj/ by a kept driver");
            Assert.NotEqual(driver, RunWithCanary().Driver);

            // The opt-out leaves the compilation's features alone, and every build starts from nothing.
            string[] optOut = [.. server, "--no-incremental", "-p:ArticleGenGeneratorCache=false"];
            var optedOut = consumer.Build(optOut);
            Assert.True(optedOut.ExitCode == 0, optedOut.ToString());
            Assert.DoesNotContain("enable-generator-cache", optedOut.Output, StringComparison.Ordinal);
            var afterOptOut = RunWithCanary().Driver;
            Assert.NotEqual(driver, afterOptOut);
            Assert.Equal(0, consumer.Build(optOut).ExitCode);
            Assert.NotEqual(afterOptOut, RunWithCanary().Driver);
        }
        finally
        {
            DotNetCli.Run(consumer.PathOf("."), "exec", CompilerServerPath(consumer.PathOf(".")), "-shutdown", "-pipename:" + pipe);
        }

        (string Entries, string Driver) RunWithCanary()
        {
            var lines = consumer.Run();
            Assert.Equal(2, lines.Length);
            return (lines[0], lines[1]);
        }
    }

    /// <summary>The compiler server of the SDK that <c>dotnet</c> runs in <paramref name="directory"/>.</summary>
    private static string CompilerServerPath(string directory)
    {
        var version = DotNetCli.Run(directory, "--version").Output.Trim();
        var dotnet = Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))
            .First(File.Exists);
        var root = Path.GetDirectoryName(new FileInfo(dotnet).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dotnet)!;
        return Path.Combine(root, "sdk", version, "Roslyn", "bincore", "VBCSCompiler.dll");
    }

    [Fact]
    public void Files_whose_paths_differ_only_in_case_are_two_articles_and_a_file_added_twice_is_one()
    {
        // The default glob adds second.md, and so do two hand-written items: one file, one entry, no ART008.
        using var consumer = package.CreateConsumer("letter-case", extraItems: """
            <AdditionalFiles Include="content/news/second.md" />
            <AdditionalFiles Include="$(MSBuildProjectDirectory)/content/news/second.md" />
            """);
        consumer.Write("NewsArticle.cs", Collection);
        consumer.Write("Program.cs", Program);
        consumer.Write("content/news/second.md", "---\ntitle: Second\npublishedDateTime: 2023-01-02T03:04:05Z\n---\n");
        consumer.Write("content/news/a-b.md", "---\ntitle: Lower\npublishedDateTime: 2023-01-02T03:04:05Z\n---\n");
        var caseSensitive = !File.Exists(consumer.PathOf("content/news/A-B.md"));
        consumer.Write("content/news/A-B.md", "---\ntitle: Upper\npublishedDateTime: 2023-01-02T03:04:05Z\n---\n");

        var build = consumer.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("ART008", build.Output);
        AssertNoGeneratorOrAnalyzerFailure(build);

        static string[] SlugsAndTitles(string[] lines) => [.. lines.Select(line => string.Join("|", line.Split('|').Take(2)))];
        var entries = SlugsAndTitles(consumer.Run());
        if (!caseSensitive)
        {
            // Windows and macOS: the two spellings name one file, which is one article.
            Assert.Equal(["a-b|Upper", "second|Second", "count=2"], entries);
            return;
        }

        Assert.Equal(["A-B|Upper", "a-b|Lower", "second|Second", "count=3"], entries);

        // Deleting one of the two still rebuilds the catalog: the list of files, case and all, is a compile input.
        File.Delete(consumer.PathOf("content/news/A-B.md"));
        Assert.Equal(0, consumer.Build().ExitCode);
        Assert.Equal(["a-b|Lower", "second|Second", "count=2"], SlugsAndTitles(consumer.Run()));
    }

    /// <summary>
    /// Items written by hand with './' or '../' segments name the same articles as the default glob would: the compiler
    /// joins a relative spec to the project folder as written, so the targets give it full paths, or the article would
    /// match no collection's glob and its body would be looked up under another name than the one it was packed under.
    /// </summary>
    [Fact]
    public void Articles_listed_by_hand_with_dot_segments_are_read_with_their_bodies()
    {
        using var consumer = package.CreateConsumer("dot-segments", extraProperties: "<EnableDefaultArticleGenItems>false</EnableDefaultArticleGenItems>", extraItems: """
            <AdditionalFiles Include="./content/news/first.md" />
            <AdditionalFiles Include="content/drafts/../news/second.md" />
            """);
        consumer.Write("NewsArticle.cs", Collection);
        consumer.Write("Program.cs", "foreach (var a in Consumer.NewsArticle.All) Console.WriteLine($\"{a.Slug}|{a.Title}|{a.SourcePath}|{a.Body.Trim()}\");\n");
        consumer.Write("content/news/first.md", "---\ntitle: First\npublishedDateTime: 2023-01-02T03:04:05Z\n---\nBody one\n");
        consumer.Write("content/news/second.md", "---\ntitle: Second\npublishedDateTime: 2023-01-02T03:04:05Z\n---\nBody two\n");

        var build = consumer.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("ART012", build.Output); // the glob matched them
        AssertNoGeneratorOrAnalyzerFailure(build);
        Assert.Equal(["first|First|content/news/first.md|Body one", "second|Second|content/news/second.md|Body two"], consumer.Run());
    }

    private const string Site = """
        using ArticleGen;

        namespace Consumer;

        /// <summary>A documentation page.</summary>
        [ArticleCollection("docs/**/*.md")]
        public sealed partial record Page
        {
            /// <summary>The title.</summary>
            public required string Title { get; init; }

            /// <summary>When it was last reviewed, as the site writes it.</summary>
            [ArticleField("ms.date", Format = "M/d/yyyy")]
            public DateOnly? MsDate { get; init; }

            /// <summary>Custom markers: one or a list.</summary>
            public IReadOnlyList<string> MsCustom { get; init; } = [];

            /// <summary>Compatibility keys: one or a list.</summary>
            public IReadOnlyList<string> BrowserCompat { get; init; } = [];
        }

        /// <summary>A Jekyll post.</summary>
        [ArticleCollection("_posts/*.md")]
        public sealed partial record Post
        {
            /// <summary>The title.</summary>
            public required string Title { get; init; }

            /// <summary>When it was published: the front matter's date, or the file name's.</summary>
            [ArticleField(DateFromFileName = true)]
            public required DateTimeOffset Date { get; init; }
        }

        /// <summary>Drafts: none yet.</summary>
        [ArticleCollection("drafts/*.md")]
        public sealed partial record Draft
        {
        }
        """;

    [Fact]
    public void A_documentation_site_and_a_Jekyll_blog_build_clean_under_contract_v2()
    {
        using var consumer = package.CreateConsumer("site-v2", extraItems: """<AdditionalFiles Remove="docs/**/includes/**" />""");
        consumer.Write("Site.cs", Site);
        consumer.Write("Program.cs", """
            using Consumer;

            // An empty catalog: v1's constant Count made this unreachable code (CS0162), an error under TreatWarningsAsErrors.
            if (Draft.Count > 0)
            {
                Console.WriteLine("drafts");
            }

            foreach (var page in Page.All)
            {
                Console.WriteLine($"{page.Slug}|{page.Title}|{page.MsDate:yyyy-MM-dd}|{string.Join(",", page.MsCustom)}|{string.Join(",", page.BrowserCompat)}|{page.Body.Contains('\uFFFD')}");
            }

            foreach (var post in Post.All)
            {
                Console.WriteLine($"{post.Slug}|{post.Title}|{post.Date:O}");
            }
            """);
        consumer.Write("docs/cpp/thread.md", "---\ntitle: C++ thread\nms.date: 05/09/2022\nms.custom: index-page\nbrowser-compat: api.fetch\n---\n");
        consumer.Write("docs/standard-library/thread.md", "---\ntitle: \"std::thread, the\nlong title\"\nms.date: 12/31/2023\nms.custom: [a, b]\nbrowser-compat: \"\"\n---\n");
        consumer.Write("docs/web/api/fetch/index.md", "---\ntitle: fetch()\nms.custom: \"\"\n---\nU+FFFD (\uFFFD) stands for bytes that could not be decoded.\n");
        consumer.Write("docs/cpp/includes/snippet.md", "A snippet without front matter, included by other pages.\n");
        consumer.Write("_posts/2026-07-16-ruby-3-3-12-released.md", "---\ntitle: Ruby 3.3.12 Released\n---\n");
        consumer.Write("_posts/2008-08-23-dos-vulnerability.md", "---\ntitle: DoS\ndate: 2008-08-23 5:00:00 +0000\n---\n");

        var build = consumer.Build("-p:NoWarn=ART012");
        Assert.True(build.ExitCode == 0, build.ToString());
        AssertNoGeneratorOrAnalyzerFailure(build);
        Assert.DoesNotContain("ART0", build.Output);

        Assert.Equal(
            [
                "cpp/thread|C++ thread|2022-05-09|index-page|api.fetch|False",
                "standard-library/thread|std::thread, the long title|2023-12-31|a,b||False",
                "web/api/fetch|fetch()||||True",
                "2008-08-23-dos-vulnerability|DoS|2008-08-23T05:00:00.0000000+00:00",
                "2026-07-16-ruby-3-3-12-released|Ruby 3.3.12 Released|2026-07-16T00:00:00.0000000+00:00",
            ],
            consumer.Run());

        // A site that writes another date form on many pages: each page's ART005 once, at its place, and one ART021 at the property.
        for (var i = 1; i <= 6; i++)
        {
            consumer.Write($"docs/guide/p{i}.md", $"---\ntitle: P{i}\nms.date: 2022-05-0{i}\n---\n");
        }

        var broken = consumer.Build("-p:NoWarn=ART012");
        Assert.NotEqual(0, broken.ExitCode);

        // MSBuild repeats every error in its closing summary; ArticleGen reports each once, in the build itself.
        var reported = broken.Output.Split("Build FAILED.")[0];
        for (var i = 1; i <= 6; i++)
        {
            Assert.Single(Regex.Matches(reported, $@"docs/guide/p{i}\.md\(3,10\): error ART005: 'ms\.date' expects a date \(DateOnly\) in the format 'M/d/yyyy' but found '2022-05-0{i}'"));
        }

        Assert.Single(Regex.Matches(reported, @"Site\.cs\(14,22\): error ART021: 'ms\.date' fails with ART005 in 6 files of Page; the first, 'docs/guide/p1\.md': "));
    }

    [Fact]
    public void Rendered_bodies_build_warning_free_and_a_broken_link_or_a_removed_image_fails_at_its_place()
    {
        using var consumer = package.CreateConsumer("rendered");
        consumer.Write("Post.cs", """
            using ArticleGen;

            namespace Consumer;

            /// <summary>A post.</summary>
            [ArticleCollection("content/posts/*.md", Url = "/blog/{slug}")]
            public sealed partial record Post
            {
                /// <summary>The title.</summary>
                public required string Title { get; init; }

                /// <summary>The HTML.</summary>
                [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = "";

                /// <summary>The excerpt.</summary>
                [ArticleBody(ArticleBodyPart.Excerpt)] public string Summary { get; init; } = "";

                /// <summary>The table of contents.</summary>
                [ArticleBody(ArticleBodyPart.Headings)] public IReadOnlyList<ArticleHeading> Toc { get; init; } = [];

                /// <summary>The words.</summary>
                [ArticleBody(ArticleBodyPart.WordCount)] public int Words { get; init; }

                /// <summary>The reading time.</summary>
                [ArticleBody(ArticleBodyPart.ReadingTime)] public TimeSpan ReadingTime { get; init; }
            }
            """);
        consumer.Write("Program.cs", """
            using Consumer;

            foreach (var post in Post.All)
            {
                Console.WriteLine($"{post.Url}|{post.Words}|{post.ReadingTime.TotalMinutes}|{string.Join(",", post.Toc.Select(h => h.Level + ":" + h.Id))}|{post.Summary}");
                Console.WriteLine(post.Html.Replace("\n", " "));
            }
            """);
        consumer.Write("content/posts/first.md", "---\ntitle: First\n---\n# Hello\n\nSee [the second](second.md#part-two) and ![a shot](img/shot.png).\n");
        consumer.Write("content/posts/second.md", "---\ntitle: Second\n---\n## Part two\n\nBack to [the first](first.md).\n");
        consumer.Write("content/posts/img/shot.png", "not really a PNG");

        var build = consumer.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        AssertNoGeneratorOrAnalyzerFailure(build);
        Assert.Equal(
            [
                "/blog/first|5|1|1:hello|<p>See <a href=\"/blog/second#part-two\">the second</a> and <img src=\"img/shot.png\" alt=\"a shot\" />.</p>",
                "<h1 id=\"hello\">Hello</h1> <p>See <a href=\"/blog/second#part-two\">the second</a> and <img src=\"img/shot.png\" alt=\"a shot\" />.</p>",
                "/blog/second|6|1|2:part-two|<p>Back to <a href=\"/blog/first\">the first</a>.</p>",
                "<h2 id=\"part-two\">Part two</h2> <p>Back to <a href=\"/blog/first\">the first</a>.</p>",
            ],
            consumer.Run());

        // The image removed: the list of the project's files changes, the compile runs again and the link is an error at its '!'.
        File.Delete(consumer.PathOf("content/posts/img/shot.png"));
        var missingImage = consumer.Build();
        Assert.NotEqual(0, missingImage.ExitCode);
        Assert.Contains("content/posts/first.md(6,42): error ART020: The image 'img/shot.png' names no file of the project: it leads to 'content/posts/img/shot.png'", missingImage.Output);

        // A link to an article that is not there, at its '['.
        consumer.Write("content/posts/img/shot.png", "back");
        consumer.Write("content/posts/second.md", "---\ntitle: Second\n---\n## Part two\n\nBack to [the first](frist.md).\n");
        var brokenLink = consumer.Build();
        Assert.NotEqual(0, brokenLink.ExitCode);
        Assert.Contains("content/posts/second.md(6,9): error ART018: The link 'frist.md' names no file of any collection: it leads to 'content/posts/frist.md'", brokenLink.Output);
    }

    [Fact]
    public void A_collection_that_declares_nothing_builds_warning_free_with_its_schema_inferred()
    {
        using var consumer = package.CreateConsumer("inferred");
        consumer.Write("Post.cs", """
            using ArticleGen;

            namespace Consumer;

            /// <summary>The posts: their schema is inferred from their files.</summary>
            [ArticleCollection("content/posts/*.md")]
            public sealed partial record Post;
            """);
        consumer.Write("Program.cs", """
            using Consumer;

            foreach (var post in Post.All)
            {
                Console.WriteLine($"{post.Slug}|{post.Title}|{post.Date:yyyy-MM-dd}|{string.Join(",", post.Tags)}|{post.Provider?.Name}|{post.OgImage}");
            }
            """);
        consumer.Write("content/posts/a.md", "---\ntitle: A\ndate: 2024-05-09\ntags: [x, y]\nprovider:\n  name: BBC\nog:image: /a.png\n---\n");
        consumer.Write("content/posts/b.md", "---\ntitle: B\ndate: 2024-06-01 10:00:00 +0200\ntags: z\n---\n");

        var build = consumer.Build("-p:ErrorLog=" + consumer.PathOf("build.sarif"));
        Assert.True(build.ExitCode == 0, build.ToString());
        AssertNoGeneratorOrAnalyzerFailure(build);
        Assert.Equal(["a|A|2024-05-09|x,y|BBC|/a.png", "b|B|2024-06-01|z||"], consumer.Run());

        // ART022 is an info: it does not fail the build, and the IDE (here, the SARIF log) shows it at the declaration.
        var log = File.ReadAllText(consumer.PathOf("build.sarif"));
        Assert.Contains("ART022", log);
        Assert.Contains("its 5 properties are inferred from its files", log);
    }

    [Fact]
    public void Bodies_travel_packed_in_one_resource_not_as_compiled_code_and_read_back_exactly()
    {
        using var consumer = package.CreateConsumer("bodies");
        consumer.Write("NewsArticle.cs", Collection);
        consumer.Write("Program.cs", """
            using Consumer;

            foreach (var article in NewsArticle.All)
            {
                Console.WriteLine($"{article.Slug}|{article.Body.Length}|{article.Body.Split('\n')[0]}|{article.Body.Contains('\r')}");
            }
            """);
        var line = "A body line, long enough that a site of such pages would be megabytes of compiled data. ";
        var body = string.Concat(Enumerable.Repeat(line + "\r\n", 2_000));
        consumer.Write("content/news/big.md", "---\r\ntitle: Big\r\npublishedDateTime: 2023-01-02T03:04:05Z\r\n---\r\n" + body);
        consumer.Write("content/news/small.md", "\uFEFF---\ntitle: Small\npublishedDateTime: 2023-01-02T03:04:05Z\n---\nÜber 世界 \uFFFD\n");

        // File names that the compiler's .editorconfig, MSBuild or csc's command line treat specially: each body is found.
        string[] oddNames = ["c#", "a,b", "semi;colon", "100%25", "über 世界", "with space"];
        foreach (var name in oddNames)
        {
            consumer.Write($"content/news/{name}.md", $"---\ntitle: {name}\npublishedDateTime: 2023-01-02T03:04:05Z\n---\nbody of {name}\n");
        }

        // u8 literals (no string budget) keep compiled data readable, so a body in the generated code would show.
        var build = consumer.Build("-p:ArticleGenStringDataBudget=0", "-p:EmitCompilerGeneratedFiles=true");
        Assert.True(build.ExitCode == 0, build.ToString());
        AssertNoGeneratorOrAnalyzerFailure(build);
        var normalized = body.Replace("\r\n", "\n");
        string[] expected =
        [
            .. oddNames.Select(name => $"{name}|{$"body of {name}\n".Length}|body of {name}|False"),
            $"big|{normalized.Length}|{line}|False",
            $"small|{"Über 世界 \uFFFD\n".Length}|Über 世界 \uFFFD|False",
        ];
        expected = [.. expected.OrderBy(e => e.Split('|')[0], StringComparer.Ordinal)];
        Assert.Equal(expected, consumer.Run());

        string Generated() => string.Concat(Directory.EnumerateFiles(consumer.PathOf("obj"), "*.g.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains("ArticleGen", StringComparison.Ordinal)).Select(File.ReadAllText));
        var generated = Generated();
        Assert.DoesNotContain("long enough that a site", generated, StringComparison.Ordinal);
        Assert.Contains("content/news/big.md@=", generated, StringComparison.Ordinal); // '@': a packed body, named by the source path before it
        Assert.True(generated.Length < body.Length / 4, $"{generated.Length} characters of generated code for a {body.Length}-character body");
        // One resource for all bodies (the compiler takes about 0.4 ms per resource), holding bodies, not whole files.
        using (var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(consumer.PathOf("bin/Debug/net10.0/Consumer.dll"))))
        {
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            Assert.Equal(["ArticleGen.Bodies"], metadata.ManifestResources.Select(r => metadata.GetString(metadata.GetManifestResource(r).Name)));
        }

        var pack = ArticleGen.Build.BodyPack.Read(File.ReadAllBytes(consumer.PathOf("obj/Debug/net10.0/ArticleGen.bodies")));
        foreach (var name in new[] { "big", "small" }.Concat(oddNames))
        {
            Assert.True(pack.ContainsKey(ArticleGen.Build.BodyPack.HashOf($"content/news/{name}.md")), name);
        }

        Assert.Equal(normalized, pack[ArticleGen.Build.BodyPack.HashOf("content/news/big.md")]);

        // A body edited: the pack is rewritten, the catalog reads the new text.
        consumer.Write("content/news/with space.md", "---\ntitle: with space\npublishedDateTime: 2023-01-02T03:04:05Z\n---\nedited\n");
        Assert.True(consumer.Build("-p:ArticleGenStringDataBudget=0").ExitCode == 0);
        Assert.Contains("with space|7|edited|False", consumer.Run());

        // Off: the bodies are compiled in as data again, and read the same.
        consumer.Write("content/news/with space.md", "---\ntitle: with space\npublishedDateTime: 2023-01-02T03:04:05Z\n---\nbody of with space\n");
        var compiledIn = consumer.Rebuild("-p:ArticleGenStringDataBudget=0", "-p:EmitCompilerGeneratedFiles=true", "-p:ArticleGenEmbedBodies=false");
        Assert.True(compiledIn.ExitCode == 0, compiledIn.ToString());
        Assert.Equal(expected, consumer.Run());
        Assert.Contains("long enough that a site", Generated(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_consumer_with_bad_metadata_fails_with_every_diagnostic_at_its_line_and_column()
    {
        using var consumer = package.CreateConsumer("broken");
        consumer.Write("NewsArticle.cs", Collection);
        consumer.Write("Program.cs", Program);
        consumer.Write("More.cs", """
            using ArticleGen;

            namespace Consumer;

            /// <summary>Steps.</summary>
            [ArticleCollection("content/steps/*.md")]
            public sealed partial record Step
            {
                /// <summary>The next step.</summary>
                public Step? Next { get; init; }

                /// <summary>What it is about.</summary>
                public NewsArticle? About { get; init; }
            }

            /// <summary>One of two collections over one folder.</summary>
            [ArticleCollection("content/shared/*.md")]
            public sealed partial record SharedA { }

            /// <summary>The other.</summary>
            [ArticleCollection("content/shared/**/*.md")]
            public sealed partial record SharedB { }

            /// <summary>Nothing matches.</summary>
            [ArticleCollection("content/nothing/*.md")]
            public sealed partial record Nothing { }

            /// <summary>Not partial.</summary>
            [ArticleCollection("content/steps/never/*.md")]
            public sealed record NotPartial { }
            """);
        consumer.Write("content/news/good.md", "---\ntitle: Good\npublishedDateTime: 2023-01-02T03:04:05Z\n---\n");
        consumer.Write("content/news/no-front-matter.md", "Just text.\n");
        consumer.Write("content/news/unclosed.md", "---\ntitle: Open\n");
        consumer.Write("content/news/bad-yaml.md", "---\ntitle: 'never closed\n---\n");
        consumer.Write("content/news/missing.md", "---\ntitle: No date\n---\n");
        consumer.Write("content/news/wrong.md", "---\ntitle: Wrong\npublishedDateTime: 2023-01-02T03:04:05Z\nquality: high\ncategory: blog\nprovider:\n  name: P\n  images:\n    - url: /a.png\n      width: wide\nquality: 2\ncolour: red\n---\n");
        consumer.Write("content/news/list.md", "---\n- a\n---\n");
        consumer.Write("content/news/z-copy.md", "---\nslug: good\ntitle: Copy\npublishedDateTime: 2023-01-02T03:04:05Z\n---\n");
        consumer.Write("content/steps/a.md", "---\nnext: b\n---\n");
        consumer.Write("content/steps/b.md", "---\nnext: a\n---\n");
        consumer.Write("content/steps/c.md", "---\nabout: news/gone\n---\n");
        consumer.Write("content/shared/both.md", "---\n---\n");

        var build = consumer.Build();
        Assert.NotEqual(0, build.ExitCode);
        AssertNoGeneratorOrAnalyzerFailure(build);

        // This consumer treats warnings as errors, so ART006 and ART012 fail its build too.
        string[] expected =
        [
            "content/news/no-front-matter.md(1,1): error ART001",
            "content/news/unclosed.md(1,1): error ART002",
            "content/news/bad-yaml.md(2,8): error ART003",
            "content/news/missing.md(1,1): error ART004",
            "content/news/wrong.md(4,10): error ART005",
            "content/news/wrong.md(10,14): error ART005",
            "content/news/wrong.md(12,1): error ART006",
            "content/news/wrong.md(11,1): error ART007",
            "content/news/z-copy.md(1,1): error ART008",
            "content/news/wrong.md(5,11): error ART009",
            "content/steps/c.md(2,8): error ART010",
            "More.cs(30,22): error ART011",
            "More.cs(25,2): error ART012",
            "More.cs(29,2): error ART012",
            "content/news/list.md(2,1): error ART013",
            "content/shared/both.md(1,1): error ART014",
            "content/steps/a.md(2,7): error ART015",
        ];
        var reported = Regex.Matches(build.Output, @"(content/[\w/.-]+\.md|More\.cs)\(\d+,\d+\): (error|warning) ART\d{3}")
            .Select(m => m.Value).Distinct().Order().ToArray();
        Assert.True(
            expected.Order().SequenceEqual(reported),
            $"Expected:\n{string.Join("\n", expected.Order())}\n\nReported:\n{string.Join("\n", reported)}");

        // The ART errors are the only errors: the generated catalog adds no C# error.
        Assert.DoesNotMatch(@"error CS\d{4}", build.Output);
    }

    [Fact]
    public void Bad_metadata_fails_the_build_once_with_analyzers_on_or_switched_off()
    {
        using var consumer = package.CreateConsumer("no-analyzers");
        consumer.Write("NewsArticle.cs", Collection);
        consumer.Write("Program.cs", Program);
        consumer.Write("content/news/wrong.md", "---\ntitle: Wrong\npublishedDateTime: 2023-01-02T03:04:05Z\nquality: high\n---\n");

        foreach (var analyzersOff in new[] { "-p:RunAnalyzers=false", "-p:RunAnalyzersDuringBuild=false", "-p:RunAnalyzers=true" })
        {
            var build = consumer.Rebuild(analyzersOff);
            Assert.NotEqual(0, build.ExitCode);
            Assert.True(
                Regex.Matches(build.Output, Regex.Escape("content/news/wrong.md(4,10): error ART005")).Count == 1,
                $"With {analyzersOff} the error must be reported exactly once:\n{build.Output}");
        }
    }

    [Fact]
    public void Severities_change_through_NoWarn_WarningsAsErrors_a_globalconfig_and_editorconfig_sections()
    {
        using var consumer = package.CreateConsumer("severities");
        consumer.Write("NewsArticle.cs", Collection);
        consumer.Write("Program.cs", Program);
        const string UnknownKey = "---\ntitle: T\npublishedDateTime: 2023-01-02T03:04:05Z\ncolour: red\n---\n";
        consumer.Write("content/news/plain.md", UnknownKey);

        // By default ART006 is a warning, which this consumer's TreatWarningsAsErrors makes an error.
        var byDefault = consumer.Rebuild();
        Assert.Contains("content/news/plain.md(4,1): error ART006", byDefault.Output);

        Assert.Equal(0, consumer.Rebuild("-p:NoWarn=ART006").ExitCode);
        var raised = consumer.Rebuild("-p:TreatWarningsAsErrors=false", "-p:WarningsAsErrors=ART006");
        Assert.NotEqual(0, raised.ExitCode);
        Assert.Contains("content/news/plain.md(4,1): error ART006", raised.Output);

        consumer.Write("quiet.globalconfig", "is_global = true\ndotnet_diagnostic.ART006.severity = none\n");
        consumer.Write("Directory.Build.props", "<Project><ItemGroup><GlobalAnalyzerConfigFiles Include=\"quiet.globalconfig\" /></ItemGroup></Project>");
        var global = consumer.Rebuild();
        Assert.True(global.ExitCode == 0, global.ToString());
        consumer.Write("Directory.Build.props", "<Project />");

        // Per folder: an .editorconfig section matching the .md files, with ArticleGen's own key.
        consumer.Write(".editorconfig", "root = true\n\n[content/news/*.md]\narticlegen_diagnostic.ART006.severity = none\n\n[content/news/strict-*.md]\narticlegen_diagnostic.ART006.severity = error\n");
        var quiet = consumer.Rebuild();
        Assert.True(quiet.ExitCode == 0, quiet.ToString());

        consumer.Write("content/news/strict-one.md", UnknownKey);
        var strict = consumer.Rebuild("-p:TreatWarningsAsErrors=false");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("content/news/strict-one.md(4,1): error ART006", strict.Output);

        // Without analyzers the generator reports what is an error for that file, once.
        var withoutAnalyzers = consumer.Rebuild("-p:TreatWarningsAsErrors=false", "-p:RunAnalyzersDuringBuild=false");
        Assert.NotEqual(0, withoutAnalyzers.ExitCode);
        Assert.Single(Regex.Matches(withoutAnalyzers.Output, Regex.Escape("content/news/strict-one.md(4,1): error ART006")));
    }

    [Fact]
    public void Each_diagnostic_links_its_page_in_the_repository_the_package_was_packed_from_or_nothing()
    {
        // Packed naming no repository (the class's package): no link rather than a dead one.
        var (unlinkedBuild, unlinked) = BuildBrokenWithSarifLog(package, "help-links-none");
        Assert.False(unlinked.TryGetProperty("helpUri", out _), unlinked.ToString());
        Assert.DoesNotContain("docs/diagnostics", unlinkedBuild.Output);

        // Packed with the standard RepositoryUrl: the page at the commit the package names (else at the version's tag).
        using var linkedPackage = new PackedPackage(["-p:RepositoryUrl=https://example.org/acme/articlegen"]);
        var expected = $"https://example.org/acme/articlegen/blob/{linkedPackage.RepositoryCommit ?? "v" + linkedPackage.Version}/docs/diagnostics/ART005.md";
        var (linkedBuild, linked) = BuildBrokenWithSarifLog(linkedPackage, "help-links");
        Assert.Equal(expected, linked.GetProperty("helpUri").GetString());
        Assert.Contains($"error ART005: 'quality' expects an integer (Int32) but found 'high' ({expected})", linkedBuild.Output);
    }

    /// <summary>Builds an article with an ART005 error, logging SARIF 2.1; returns the build and the log's ART005 rule.</summary>
    private static (DotNetCli.Result Build, JsonElement Rule) BuildBrokenWithSarifLog(PackedPackage package, string name)
    {
        using var consumer = package.CreateConsumer(name);
        consumer.Write("NewsArticle.cs", Collection);
        consumer.Write("Program.cs", Program);
        consumer.Write("content/news/wrong.md", "---\ntitle: Wrong\npublishedDateTime: 2023-01-02T03:04:05Z\nquality: high\n---\n");
        var sarif = consumer.PathOf("build.sarif");

        // %2C: a bare comma would end the property on the command line.
        var build = consumer.Build($"-p:ErrorLog={sarif}%2Cversion=2.1");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("content/news/wrong.md(4,10): error ART005", build.Output);

        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        var rule = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().Single(r => r.GetProperty("id").GetString() == "ART005");
        return (build, rule.Clone());
    }

    [Fact]
    public void Net8_and_net10_consumers_and_a_netstandard2_library_with_PolySharp_compile_warning_free()
    {
        using var app = package.CreateConsumer("frameworks", targetFrameworks: "net8.0;net10.0", onlyLocalFeed: false);
        app.Write("NewsArticle.cs", Collection);
        app.Write("Program.cs", Program);
        app.Write("content/news/second.md", "---\ntitle: Second\npublishedDateTime: 2023-01-02T03:04:05+01:00\ncategory: video\nquality: 7\n---\nBody\n");
        var build = app.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        AssertNoGeneratorOrAnalyzerFailure(build);
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            Assert.Equal("count=1", app.Run("--framework", framework).Last());
        }

        using var library = package.CreateConsumer("netstandard", targetFrameworks: "netstandard2.0", onlyLocalFeed: false, outputType: "Library",
            extraProperties: "<LangVersion>12</LangVersion>", extraItems: "<PackageReference Include=\"PolySharp\" Version=\"1.16.0\" PrivateAssets=\"all\" />");
        library.Write("NewsArticle.cs", Collection.Replace("using ArticleGen;", "using System;\nusing System.Collections.Generic;\nusing ArticleGen;"));
        library.Write("Uses.cs", "namespace Consumer;\n\n/// <summary>Uses the catalog.</summary>\npublic static class Uses\n{\n    /// <summary>The second article's title.</summary>\n    public static string Title => NewsArticle.TryGet(\"second\", out var a) ? a.Title : \"\";\n}\n");
        library.Write("content/news/second.md", "---\ntitle: Second\npublishedDateTime: 2023-01-02T03:04:05+01:00\n---\n");
        var libraryBuild = library.Build();
        Assert.True(libraryBuild.ExitCode == 0, libraryBuild.ToString());
        AssertNoGeneratorOrAnalyzerFailure(libraryBuild);
    }

    [Fact]
    public void A_generator_that_cannot_run_fails_the_build_instead_of_leaving_the_catalog_out()
    {
        using var consumer = package.CreateConsumer("failure");
        consumer.Write("NewsArticle.cs", Collection);
        consumer.Write("Program.cs", Program);
        consumer.Write("content/news/good.md", "---\ntitle: Good\npublishedDateTime: 2023-01-02T03:04:05Z\n---\n");
        Assert.Equal(0, consumer.Build().ExitCode);

        // The package's targets make generator failures errors, unless the project opts out.
        var property = DotNetCli.Run(consumer.PathOf(""), "build", "-p:TargetFramework=net10.0", "-getProperty:WarningsAsErrors");
        Assert.Contains("CS8784;CS8785", property.Output);

        // Break the package as a corrupt download would: the generator cannot load its YAML parser.
        var yaml = Directory.GetFiles(consumer.PathOf("packages"), "YamlDotNet.dll", SearchOption.AllDirectories).Single();
        File.WriteAllText(yaml, "not an assembly");
        consumer.Write("content/news/second.md", "---\ntitle: Second\npublishedDateTime: 2023-01-02T03:04:05Z\n---\n");
        // The compiler only warns that it cannot load the assembly (CS8034), so warnings are not errors here.
        var build = consumer.Rebuild("-p:TreatWarningsAsErrors=false");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"content/news/good\.md\(1,1\): error ART016: ArticleGen failed while reading content/news/good\.md: BadImageFormatException", build.Output);
        Assert.Matches(@"content/news/second\.md\(1,1\): error ART016", build.Output);
    }

    [Fact]
    public void The_nastiest_valid_files_build_warning_free_and_every_value_prints_exactly()
    {
        using var consumer = package.CreateConsumer("nasty");
        consumer.Write("Note.cs", """
            using ArticleGen;

            namespace Consumer;

            /// <summary>A note.</summary>
            [ArticleCollection("content/notes/*.md")]
            public sealed partial record Note
            {
                /// <summary>The title.</summary>
                public required string Title { get; init; }

                /// <summary>Shadows System.Type in name only.</summary>
                public string? Type { get; init; }

                /// <summary>Shadows System.Uri in name only.</summary>
                public Uri? Uri { get; init; }
            }
            """);
        consumer.Write("Program.cs", """
            using Consumer;

            static string Hex(string s) => string.Join(" ", s.Select(c => ((int)c).ToString("x4")));
            foreach (var note in Note.All)
            {
                Console.WriteLine($"{note.Slug}|{Hex(note.Title)}|{Hex(note.Body)}|{note.Type}|{note.Uri}");
            }
            """);

        var cases = new (string Slug, string TitleYaml, string Title, string Body, Func<string, byte[]> Encode)[]
        {
            ("class", "\"say \\\"hi\\\" \\\\ \\u2028 \\u0085 \\0\"", "say \"hi\" \\ \u2028 \u0085 \0", "\"\"\" */ {0}\n#error no\n", Encoding.UTF8.GetBytes),
            ("with space", "'#error not a directive'", "#error not a directive", "", Encoding.UTF8.GetBytes),
            ("🙂 emoji", "\"\\U0001F642 שלום مرحبا\"", "🙂 שלום مرحبا", "\u202Eright-to-left\n", Encoding.UTF8.GetBytes),
            ("2022-08-08-all", "|\n  line\n  #if X", "line\n#if X\n", "crlf\nbody\n", text => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n"))),
            ("to-string", "bom and utf-16", "bom and utf-16", "", text => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]),
        };
        foreach (var (slug, titleYaml, _, body, encode) in cases)
        {
            var bytes = encode($"---\ntitle: {titleYaml}\ntype: kind\nuri: /a b?c=\"d\"\n---\n{body}");
            Directory.CreateDirectory(consumer.PathOf("content/notes"));
            File.WriteAllBytes(consumer.PathOf($"content/notes/{slug}.md"), bytes);
        }

        var build = consumer.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        AssertNoGeneratorOrAnalyzerFailure(build);

        static string Hex(string s) => string.Join(" ", s.Select(c => ((int)c).ToString("x4")));
        var expected = cases
            .OrderBy(c => $"content/notes/{c.Slug}.md", StringComparer.Ordinal)
            .Select(c => $"{c.Slug}|{Hex(c.Title)}|{Hex(c.Body)}|kind|/a b?c=\"d\"")
            .ToArray();
        var printed = consumer.Run();
        Assert.Equal(expected.Length, printed.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] == printed[i], $"expected\n{expected[i]}\nprinted\n{printed[i]}");
        }

        // With no string budget every byte of data goes through u8 literals instead: the same values print.
        var noStrings = consumer.Build("-p:ArticleGenStringDataBudget=0", "--no-incremental");
        Assert.True(noStrings.ExitCode == 0, noStrings.ToString());
        Assert.Equal(printed, consumer.Run());

        // A budget that is not a number is ART017 (a warning, so this warnings-as-errors build fails on it).
        var invalid = consumer.Build("-p:ArticleGenStringDataBudget=lots", "--no-incremental");
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("error ART017: The MSBuild property ArticleGenStringDataBudget is 'lots', which is not a whole number of bytes", invalid.Output);
    }

    [Fact]
    public void Hostile_files_fail_the_build_with_article_diagnostics_only_and_no_compiler_crash()
    {
        using var consumer = package.CreateConsumer("hostile");
        consumer.Write("NewsArticle.cs", Collection);
        consumer.Write("Program.cs", Program);
        var laughs = new StringBuilder("---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            laughs.Append($"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))).Append("]\n");
        }

        consumer.Write("content/news/laughs.md", laughs + "topics: *a9\n---\n");
        consumer.Write("content/news/deep.md", "---\ntopics: " + new string('[', 100_000) + new string(']', 100_000) + "\n---\n");
        consumer.Write("content/news/deep-block.md", "---\ntopics:\n" + string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n---\n");
        File.WriteAllBytes(consumer.PathOf("content/news/latin1.md"), Encoding.Latin1.GetBytes("---\ntitle: Grüße\n---\n"));
        consumer.Write("content/news/tabs.md", "---\ntitle: T\nprovider:\n\tname: P\n---\n");
        consumer.Write("content/news/empty.md", "");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var build = consumer.Build();
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3), $"took {watch.Elapsed}");
        Assert.Equal(1, build.ExitCode); // a build failure, not a crashed compiler
        AssertNoGeneratorOrAnalyzerFailure(build);
        Assert.DoesNotMatch(@"error CS\d{4}|Stack overflow|StackOverflow", build.Output);
        foreach (var file in new[] { "laughs.md(", "deep.md(", "deep-block.md(", "latin1.md(2,10): error ART003", "tabs.md(4,1): error ART003", "empty.md(1,1): error ART001" })
        {
            Assert.Contains(file, build.Output);
        }
    }

    [CorpusFact]
    public void A_50000_article_project_builds_and_runs()
    {
        using var consumer = package.CreateConsumer("fifty-thousand");
        consumer.Write("Schemas.cs", "using ArticleGen;\n\n" + RealData.PowerAppsSchemas.Source);
        consumer.Write("Program.cs", """
            using PowerApps;

            var middle = NewsItem.All[25_000];
            Console.WriteLine($"{NewsItem.Count}|{NewsItem.All.Count}|{middle.Slug}|{ReferenceEquals(NewsItem.Get(middle.Slug), middle)}|{middle.Provider.Name}");
            """);
        var news = Directory.GetFiles(Corpus.PowerApps("_news"), "*.md").OrderBy(p => p, StringComparer.Ordinal).ToArray();
        Directory.CreateDirectory(consumer.PathOf("content/_news"));
        var slugs = new List<string>();
        for (var i = 0; i < 50_000; i++)
        {
            slugs.Add($"{Path.GetFileNameWithoutExtension(news[i % news.Length])}-{i:00000}");
            File.Copy(news[i % news.Length], consumer.PathOf($"content/_news/{slugs[^1]}.md"));
        }

        slugs.Sort(StringComparer.Ordinal); // All is ordered by source path

        // The other seven collections of the schema have no files here: their ART012 warnings are expected.
        var build = consumer.Build("-p:NoWarn=ART012");
        Assert.True(build.ExitCode == 0, build.ToString());
        AssertNoGeneratorOrAnalyzerFailure(build);

        var line = consumer.Run().Single().Split('|');
        Assert.Equal(["50000", "50000", slugs[25_000], "True"], line.Take(4));
        Assert.NotEmpty(line[4]);
    }

    private static void AssertNoGeneratorOrAnalyzerFailure(DotNetCli.Result build)
    {
        Assert.DoesNotMatch(@"(warning|error) (CS8784|CS8785|CS8032|AD0001)", build.Output);
    }

    /// <summary>ArticleGen packed once for the class, with a version no cache has seen.</summary>
    public sealed class PackedPackage : IDisposable
    {
        private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "articlegen-package-tests", Guid.NewGuid().ToString("N"));

        public PackedPackage()
            : this([])
        {
        }

        /// <param name="properties">More MSBuild properties for the pack, as <c>-p:Name=value</c>.</param>
        internal PackedPackage(string[] properties)
        {
            Version = "1.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            Feed = System.IO.Path.Combine(_root, "feed");
            var pack = DotNetCli.Run(Corpus.RepositoryRoot, ["pack", "src/ArticleGen", "-c", "Release", "-o", Feed, "-p:Version=" + Version, .. properties]);
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack failed: " + pack);
            }

            Path = System.IO.Path.Combine(Feed, $"ArticleGen.{Version}.nupkg");
            if (!File.Exists(Path))
            {
                throw new InvalidOperationException($"dotnet pack did not produce {Path}: {pack}");
            }
        }

        public string Version { get; }

        public string Feed { get; }

        public string Path { get; }

        /// <summary>The commit the package's metadata names (the checkout's, from source control), or null.</summary>
        public string? RepositoryCommit
        {
            get
            {
                using var archive = ZipFile.OpenRead(Path);
                using var nuspec = archive.GetEntry("ArticleGen.nuspec")!.Open();
                var repository = XDocument.Load(nuspec).Descendants().SingleOrDefault(e => e.Name.LocalName == "repository");
                return (string?)repository?.Attribute("commit");
            }
        }

        public Consumer CreateConsumer(
            string name, string targetFrameworks = "net10.0", bool onlyLocalFeed = true, string outputType = "Exe", string extraProperties = "", string extraItems = "") =>
            new(System.IO.Path.Combine(_root, name), this, targetFrameworks, onlyLocalFeed, outputType, extraProperties, extraItems);

        public void Dispose()
        {
            if (Environment.GetEnvironmentVariable("ARTICLEGEN_KEEP_TEST_PROJECTS") == "1")
            {
                return; // to look at a failing consumer by hand
            }

            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>A new console project that references the packed ArticleGen from the local feed, with its own packages folder.</summary>
    public sealed class Consumer : IDisposable
    {
        private readonly string _directory;

        /// <param name="onlyLocalFeed">
        /// Restore from the local feed alone (the default: nothing but ArticleGen is needed), or from the machine's
        /// sources too, for targeting packs and PolySharp.
        /// </param>
        public Consumer(string directory, PackedPackage package, string targetFrameworks, bool onlyLocalFeed, string outputType, string extraProperties, string extraItems)
        {
            _directory = directory;
            Directory.CreateDirectory(directory);
            Write("Consumer.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>{outputType}</OutputType>
                    <TargetFrameworks>{targetFrameworks}</TargetFrameworks>
                    <RollForward>Major</RollForward>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <GenerateDocumentationFile>true</GenerateDocumentationFile>
                    <RestorePackagesPath>{System.IO.Path.Combine(directory, "packages")}</RestorePackagesPath>
                    {extraProperties}
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ArticleGen" Version="{package.Version}" PrivateAssets="all" />
                    {extraItems}
                  </ItemGroup>
                </Project>
                """);
            Write("nuget.config", $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    {(onlyLocalFeed ? "<clear />" : "")}
                    <add key="local" value="{package.Feed}" />
                  </packageSources>
                </configuration>
                """);
            // Isolate from the repository's Directory.Build.props and global.json: a user's project has neither.
            Write("Directory.Build.props", "<Project />");
            Write("Directory.Build.targets", "<Project />");
        }

        public string PathOf(string relative) => System.IO.Path.Combine(_directory, relative);

        public void Write(string relative, string text)
        {
            var path = PathOf(relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        public DotNetCli.Result Build(params string[] extra) => DotNetCli.Run(_directory, ["build", "-nologo", "-clp:NoSummary", .. extra]);

        /// <summary>
        /// A build that compiles whatever changed: the SDK does not recompile when only properties such as NoWarn
        /// change. The console shows errors only, each once (its default view prints each error twice).
        /// </summary>
        public DotNetCli.Result Rebuild(params string[] extra) => DotNetCli.Run(_directory, ["build", "--no-incremental", "-nologo", "-clp:NoSummary;ErrorsOnly", .. extra]);

        public string[] Run(params string[] extra)
        {
            var run = DotNetCli.Run(_directory, ["run", "--no-build", .. extra]);
            Assert.True(run.ExitCode == 0, run.ToString());
            return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        public void Dispose()
        {
        }
    }
}
