using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArticleGen.Tests.Infrastructure;

/// <summary>The MSBuild properties a real build hands the compiler (build_property.ProjectDir, …).</summary>
internal sealed class TestAnalyzerConfigOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
{
    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
}

/// <summary>Global options, and per-file options as .editorconfig sections would give them (keys compare ignoring case, as the compiler's do).</summary>
internal sealed class TestAnalyzerConfigOptionsProvider(
    ImmutableDictionary<string, string> globalValues,
    ImmutableDictionary<string, ImmutableDictionary<string, string>> fileValues) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Empty = new TestAnalyzerConfigOptions(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new TestAnalyzerConfigOptions(globalValues);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        fileValues.TryGetValue(textFile.Path, out var values)
            ? new TestAnalyzerConfigOptions(values.WithComparers(StringComparer.OrdinalIgnoreCase))
            : Empty;
}
