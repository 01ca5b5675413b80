using System.Diagnostics;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;

namespace ArticleGen.Benchmarks;

/// <summary>
/// What a user waits for, in fresh processes: an application's first use of a 10,000-entry catalog against
/// reading and deserializing the same files with YamlDotNet at start-up, and <c>dotnet build</c> after touching one
/// article against the same project without articles. Each iteration is one process; the setup builds the
/// projects once.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ProcessBenchmarks
{
    private const int Articles = 10_000;
    private string _root = "";
    private string _touched = "";

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "articlegen-process-benchmarks");
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        var inputs = new Inputs(Articles);
        var catalog = Directory.CreateDirectory(Path.Combine(_root, "catalog")).FullName;
        Directory.CreateDirectory(Path.Combine(catalog, "content", "_news"));
        foreach (var (path, text) in inputs.Articles)
        {
            File.WriteAllText(Path.Combine(catalog, "content", "_news", Path.GetFileName(path)), text);
        }

        var files = Directory.GetFiles(Path.Combine(catalog, "content", "_news")).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        _touched = files[0];

        // First use: one lookup by slug (what a page does), or, with an argument, every entry read (what a
        // listing or a search index does).
        var slug = Path.GetFileNameWithoutExtension(files[files.Length / 2]);
        WriteConsumer(catalog, $"Console.WriteLine(args.Length == 0 ? PowerApps.NewsItem.Get(\"{slug}\").Title.Length : PowerApps.NewsItem.All.Sum(n => n.Title.Length));");
        WriteConsumer(Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName, "Console.WriteLine(PowerApps.NewsItem.Count);");

        var loader = Directory.CreateDirectory(Path.Combine(_root, "loader")).FullName;
        File.WriteAllText(Path.Combine(loader, "loader.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup><PackageReference Include="YamlDotNet" Version="18.1.0" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(loader, "Program.cs"), """
            using YamlDotNet.Serialization;
            using YamlDotNet.Serialization.NamingConventions;

            // What a user writes instead of ArticleGen: read every file at start-up, deserialize its front matter.
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
            var items = new List<NewsItem>();
            foreach (var file in Directory.EnumerateFiles(args[0], "*.md"))
            {
                var text = File.ReadAllText(file);
                var start = text.IndexOf('\n') + 1;
                var end = text.IndexOf("\n---", start, StringComparison.Ordinal);
                items.Add(deserializer.Deserialize<NewsItem>(text.Substring(start, end - start + 1)));
            }

            Console.WriteLine(items.Count);

            public sealed class NewsItem { public string Title { get; set; } = ""; public string? Excerpt { get; set; } public DateTimeOffset PublishedDateTime { get; set; } public string? Type { get; set; } public Uri? OriginalUrl { get; set; } public Uri? WebUrl { get; set; } public int Quality { get; set; } public int Heat { get; set; } public bool Published { get; set; } public Provider? Provider { get; set; } public List<string> Topics { get; set; } = []; public List<Image> Images { get; set; } = []; }
            public sealed class Provider { public string Name { get; set; } = ""; public string? Domain { get; set; } public List<Image> Images { get; set; } = []; }
            public sealed class Image { public Uri? Url { get; set; } public int Width { get; set; } public int Height { get; set; } public bool IsCached { get; set; } }
            """);

        foreach (var project in new[] { catalog, Path.Combine(_root, "empty"), loader })
        {
            Run(project, "dotnet", "build", "-c", "Release", "-nologo", "-p:NoWarn=ART012", "-p:EmitCompilerGeneratedFiles=" + (project == catalog ? "true" : "false"));
        }

        FloorProject.Write(catalog, Directory.CreateDirectory(Path.Combine(_root, "floor")).FullName);
    }

    [BenchmarkCategory("start-up")]
    [Benchmark(Baseline = true, Description = "start-up: YamlDotNet reads and deserializes 10,000 files")]
    public void YamlDotNetAtStartup() => Run(_root, "dotnet", Path.Combine(_root, "loader", "bin", "Release", "net10.0", "loader.dll"), Path.Combine(_root, "catalog", "content", "_news"));

    [BenchmarkCategory("start-up")]
    [Benchmark(Description = "start-up: first lookup by slug in the 10,000-entry catalog")]
    public void CatalogFirstLookup() => Run(_root, "dotnet", Path.Combine(_root, "catalog", "bin", "Release", "net10.0", "catalog.dll"));

    [BenchmarkCategory("start-up")]
    [Benchmark(Description = "start-up: every entry of the 10,000-entry catalog read")]
    public void CatalogEveryEntry() => Run(_root, "dotnet", Path.Combine(_root, "catalog", "bin", "Release", "net10.0", "catalog.dll"), "all");

    [BenchmarkCategory("build")]
    [Benchmark(Description = "dotnet build, one of 10,000 articles touched")]
    public void BuildAfterTouchingAnArticle()
    {
        File.SetLastWriteTimeUtc(_touched, DateTime.UtcNow);
        Run(Path.Combine(_root, "catalog"), "dotnet", "build", "-c", "Release", "-nologo", "-p:NoWarn=ART012");
    }

    [BenchmarkCategory("build")]
    [Benchmark(Baseline = true, Description = "dotnet build, no articles, Program.cs touched")]
    public void BuildWithoutArticles()
    {
        File.SetLastWriteTimeUtc(Path.Combine(_root, "empty", "Program.cs"), DateTime.UtcNow);
        Run(Path.Combine(_root, "empty"), "dotnet", "build", "-c", "Release", "-nologo", "-p:NoWarn=ART012");
    }

    // What a developer's machine does: the compiler server (VBCSCompiler) keeps the compiler and ArticleGen loaded and
    // JIT-compiled between builds. This machine's environment switches it off (UseSharedCompilation=false).
    [BenchmarkCategory("build, compiler server")]
    [Benchmark(Description = "dotnet build with the compiler server, one of 10,000 articles touched")]
    public void ServerBuildAfterTouchingAnArticle()
    {
        File.SetLastWriteTimeUtc(_touched, DateTime.UtcNow);
        Run(Path.Combine(_root, "catalog"), "dotnet", "build", "-c", "Release", "-nologo", "-p:NoWarn=ART012", "-p:UseSharedCompilation=true");
    }

    /// <summary>
    /// The same without the generator state the compiler server keeps between builds (the package's targets ask for it
    /// with Roslyn's enable-generator-cache; this opts out): the generator reads and binds every article again.
    /// </summary>
    [BenchmarkCategory("build, compiler server")]
    [Benchmark(Description = "dotnet build with the compiler server, one of 10,000 articles touched, generator cache off")]
    public void ServerBuildAfterTouchingAnArticleWithoutTheGeneratorCache()
    {
        File.SetLastWriteTimeUtc(_touched, DateTime.UtcNow);
        Run(Path.Combine(_root, "catalog"), "dotnet", "build", "-c", "Release", "-nologo", "-p:NoWarn=ART012", "-p:UseSharedCompilation=true", "-p:ArticleGenGeneratorCache=false");
    }

    /// <summary>
    /// A C# edit: the generator's inputs are the same files, so with the state the compiler server keeps it reads none
    /// of them again; without it (a build without the server) it reads every one (issue 10 asks ≤ 1.5× the project
    /// without articles for this one).
    /// </summary>
    [BenchmarkCategory("build, compiler server")]
    [Benchmark(Description = "dotnet build with the compiler server, 10,000 articles, Program.cs touched")]
    public void ServerBuildAfterTouchingCSharp()
    {
        File.SetLastWriteTimeUtc(Path.Combine(_root, "catalog", "Program.cs"), DateTime.UtcNow);
        Run(Path.Combine(_root, "catalog"), "dotnet", "build", "-c", "Release", "-nologo", "-p:NoWarn=ART012", "-p:UseSharedCompilation=true");
    }

    /// <summary>
    /// The floor (<see cref="FloorProject"/>): no ArticleGen, the 10,000 articles in the folder, the code ArticleGen
    /// generated for them as plain sources without [GeneratedCode] and doc comments. Touching Program.cs compiles it all,
    /// as a touched article does with ArticleGen; the issue's ≤ 2× and ≤ 1.5× are measured against the same baseline.
    /// </summary>
    [BenchmarkCategory("build, compiler server")]
    [Benchmark(Description = "dotnet build with the compiler server, the floor: no ArticleGen, its generated code as plain sources, Program.cs touched")]
    public void ServerBuildOfTheFloor()
    {
        File.SetLastWriteTimeUtc(Path.Combine(_root, "floor", "Program.cs"), DateTime.UtcNow);
        Run(Path.Combine(_root, "floor"), "dotnet", "build", "-c", "Release", "-nologo", "-p:UseSharedCompilation=true");
    }

    [BenchmarkCategory("build, compiler server")]
    [Benchmark(Baseline = true, Description = "dotnet build with the compiler server, no articles, Program.cs touched")]
    public void ServerBuildWithoutArticles()
    {
        File.SetLastWriteTimeUtc(Path.Combine(_root, "empty", "Program.cs"), DateTime.UtcNow);
        Run(Path.Combine(_root, "empty"), "dotnet", "build", "-c", "Release", "-nologo", "-p:NoWarn=ART012", "-p:UseSharedCompilation=true");
    }

    private static void WriteConsumer(string directory, string program) =>
        WriteConsumer(directory, "using ArticleGen;\n\n" + Tests.RealData.PowerAppsSchemas.Source, program);

    /// <summary>
    /// A project that takes ArticleGen from its packed package, as a user does. Building ArticleGen's projects by
    /// reference instead added about 0.8 s to every build, with and without articles, and importing its props by hand ran
    /// its Markdown glob in NuGet's restore evaluations too, which skip a package's props (docs/performance.md).
    /// </summary>
    internal static void WriteConsumer(string directory, string schema, string program, [CallerFilePath] string here = "")
    {
        var package = PackedPackage.Get(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..")));
        File.WriteAllText(Path.Combine(directory, Path.GetFileName(directory) + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable>
                <RestorePackagesPath>{package.PackagesFolder}</RestorePackagesPath></PropertyGroup>
              <ItemGroup><PackageReference Include="ArticleGen" Version="{package.Version}" PrivateAssets="all" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><add key="articlegen-benchmarks" value="{package.Feed}" /></packageSources></configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Schemas.cs"), schema);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program + "\n");
    }

    /// <summary>
    /// ArticleGen packed once per benchmark process, under a version of its own (NuGet caches a package by id and
    /// version) and restored into a folder of its own.
    /// </summary>
    private sealed record PackedPackage(string Feed, string Version, string PackagesFolder)
    {
        private static readonly object Gate = new();
        private static PackedPackage? _packed;

        public static PackedPackage Get(string repositoryRoot)
        {
            lock (Gate)
            {
                if (_packed is null)
                {
                    // Each benchmark runs in a process of its own and packs again: the packages of earlier ones go.
                    var root = Path.Combine(Path.GetTempPath(), "articlegen-benchmark-package");
                    if (Directory.Exists(root))
                    {
                        Directory.Delete(root, recursive: true);
                    }

                    var version = "0.0.0-bench." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
                    var feed = Directory.CreateDirectory(Path.Combine(root, "feed")).FullName;
                    Run(repositoryRoot, "dotnet", "pack", "src/ArticleGen", "-c", "Release", "-nologo", "-o", feed, "-p:Version=" + version);
                    _packed = new PackedPackage(feed, version, Path.Combine(root, "packages"));
                }

                return _packed;
            }
        }
    }

    internal static void Run(string directory, string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed in {directory}:\n{output.Result}\n{error.Result}");
        }
    }
}
