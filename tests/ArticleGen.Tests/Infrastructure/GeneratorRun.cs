using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Sdk;

namespace ArticleGen.Tests.Infrastructure;

/// <summary>What one compile of a <see cref="TestProject"/> produced: generated sources and every diagnostic.</summary>
internal sealed class GeneratorRun(
    Compilation compilation,
    GeneratorDriverRunResult result,
    ImmutableArray<Diagnostic> generatorDiagnostics,
    ImmutableArray<Diagnostic> analyzerDiagnostics,
    IReadOnlyList<(string Name, byte[] Bytes)>? resources = null)
{
    public Compilation Compilation { get; } = compilation;

    public GeneratorDriverRunResult Result { get; } = result;

    /// <summary>Diagnostics the generator reported (only when analyzers are off).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; } = generatorDiagnostics;

    /// <summary>Diagnostics the analyzer reported.</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics { get; } = analyzerDiagnostics;

    /// <summary>The compiler's own diagnostics over the user's code and the generated code.</summary>
    public ImmutableArray<Diagnostic> CompilerDiagnostics => Compilation.GetDiagnostics();

    /// <summary>The ART diagnostics, whoever reported them, in file and position order.</summary>
    public IReadOnlyList<Diagnostic> ArticleDiagnostics => GeneratorDiagnostics.Concat(AnalyzerDiagnostics)
        .Where(d => d.Id.StartsWith("ART", StringComparison.Ordinal))
        .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
        .ThenBy(d => d.Location.GetLineSpan().StartLinePosition)
        .ToList();

    /// <summary>Every generated file, hint name and text, in the order the driver produced them.</summary>
    public IReadOnlyList<(string HintName, string Text)> GeneratedSources =>
        Result.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())).ToList();

    public string GeneratedSource(string hintName)
    {
        var source = Result.Results.SelectMany(r => r.GeneratedSources).FirstOrDefault(s => s.HintName == hintName);
        Assert.True(source.SourceText is not null, $"No generated source '{hintName}'; generated: {string.Join(", ", Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName))}");
        return source.SourceText!.ToString();
    }

    /// <summary>Fails unless the compiler reports nothing at all (no error, no warning) over user and generated code.</summary>
    public GeneratorRun AssertCompilesWithoutWarnings()
    {
        var problems = CompilerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "The compilation has diagnostics:\n" + string.Join("\n", problems));
        return this;
    }

    /// <summary>Fails unless every ART diagnostic has one of <paramref name="ids"/> (an info such as ART022 that says what ArticleGen did).</summary>
    public GeneratorRun AssertOnlyArticleDiagnostics(params string[] ids)
    {
        var others = ArticleDiagnostics.Where(d => !ids.Contains(d.Id)).ToList();
        Assert.True(others.Count == 0, "Unexpected ART diagnostics:\n" + string.Join("\n", others));
        return this;
    }

    /// <summary>Fails unless there is no ART diagnostic.</summary>
    public GeneratorRun AssertNoArticleDiagnostics()
    {
        Assert.True(ArticleDiagnostics.Count == 0, "Unexpected ART diagnostics:\n" + string.Join("\n", ArticleDiagnostics));
        return this;
    }

    /// <summary>
    /// Compiles the catalog with a probe that evaluates each expression, runs it in a collectible load context
    /// and returns the values: what a user's program would read from the catalog.
    /// </summary>
    public object?[] Evaluate(params string[] expressions)
    {
        var probe = "public static class __Probe { public static object?[] Run() => new object?[] { " + string.Join(", ", expressions.Select(e => "(object?)(" + e + ")")) + " }; }";
        var probeCompilation = Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(probe, (CSharpParseOptions)Compilation.SyntaxTrees.First().Options, "/project/__Probe.cs"));
        using var stream = new MemoryStream();
        // The articles the build would embed as manifest resources, as the package's targets do.
        var manifest = (resources ?? []).Select(r => new ResourceDescription(r.Name, () => new MemoryStream(r.Bytes), isPublic: true));
        var emit = probeCompilation.Emit(stream, manifestResources: manifest);
        Assert.True(emit.Success, "The catalog does not compile:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext("probe", isCollectible: true);
        try
        {
            stream.Position = 0;
            var assembly = context.LoadFromStream(stream);
            var run = assembly.GetType("__Probe")!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;
            try
            {
                return (object?[])run.Invoke(null, null)!;
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
                throw;
            }
        }
        finally
        {
            context.Unload();
        }
    }

    public object? Evaluate(string expression) => Evaluate([expression])[0];

    internal static void AssertNoGeneratorException(GeneratorDriverRunResult result, ImmutableArray<Diagnostic> diagnostics)
    {
        var failures = result.Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString())
            .Concat(diagnostics.Where(d => d.Id is "CS8784" or "CS8785").Select(d => d.ToString()))
            .ToList();
        if (failures.Count > 0)
        {
            throw new XunitException("The generator threw (CS8784/CS8785):\n" + string.Join("\n", failures));
        }
    }
}
