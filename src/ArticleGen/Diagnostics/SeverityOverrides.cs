using System;
using System.Collections.Generic;
using ArticleGen.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArticleGen.Diagnostics;

/// <summary>
/// Per-folder severities for one article file, from <c>.editorconfig</c> sections that match it:
/// <c>articlegen_diagnostic.ART006.severity = error</c>. The compiler applies neither <c>dotnet_diagnostic.*</c>
/// lines of such sections to diagnostics in non-C# files nor shows them to analyzers, but it hands every other key
/// of the section to ArticleGen through the file's options, so ArticleGen applies these itself.
/// </summary>
internal sealed record SeverityOverrides(EquatableArray<SeverityOverride> Items)
{
    public static readonly SeverityOverrides None = new(EquatableArray<SeverityOverride>.Empty);

    public static SeverityOverrides Read(AnalyzerConfigOptions options)
    {
        var items = new List<SeverityOverride>();
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            if (options.TryGetValue("articlegen_diagnostic." + descriptor.Id + ".severity", out var value)
                && TryParse(value, out var severity))
            {
                items.Add(new SeverityOverride(descriptor.Id, severity));
            }
        }

        return items.Count == 0 ? None : new SeverityOverrides(items.ToEquatableArray());
    }

    /// <summary>The severity to report <paramref name="id"/> with, or null when it is switched off (<c>none</c>).</summary>
    public DiagnosticSeverity? SeverityOf(string id, DiagnosticSeverity defaultSeverity)
    {
        foreach (var item in Items)
        {
            if (item.Id == id)
            {
                return item.Severity;
            }
        }

        return defaultSeverity;
    }

    /// <summary>The values .editorconfig uses for severities; null stands for <c>none</c>.</summary>
    private static bool TryParse(string value, out DiagnosticSeverity? severity)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "error": severity = DiagnosticSeverity.Error; return true;
            case "warning": severity = DiagnosticSeverity.Warning; return true;
            case "suggestion": severity = DiagnosticSeverity.Info; return true;
            case "silent": severity = DiagnosticSeverity.Hidden; return true;
            case "none": severity = null; return true;
            default: severity = null; return false;
        }
    }
}

/// <summary>One configured severity; null is <c>none</c>.</summary>
internal sealed record SeverityOverride(string Id, DiagnosticSeverity? Severity);

/// <summary>The severity overrides of each article file, by the path the compiler knows it by.</summary>
internal sealed class SeverityOverridesByFile(IReadOnlyDictionary<string, SeverityOverrides> byPath, SourceTrees? trees = null)
{
    /// <summary>
    /// The diagnostic as it is to be reported, or null when its file's configuration switches it off. Diagnostics
    /// outside article files keep their severity: the compiler configures those itself.
    /// </summary>
    public Diagnostic? Apply(DiagnosticInfo info)
    {
        var descriptor = info.Descriptor;
        if (info.Location is null || !byPath.TryGetValue(info.Location.FilePath, out var overrides))
        {
            return info.ToDiagnostic(descriptor.DefaultSeverity, trees);
        }

        var severity = overrides.SeverityOf(info.Id, descriptor.DefaultSeverity);
        return severity is null ? null : info.ToDiagnostic(severity.Value, trees);
    }

    /// <param name="files">Each article file's overrides.</param>
    /// <param name="trees">The compilation's C# files, for the analyzer: its diagnostics on declarations are then located in their trees.</param>
    public static SeverityOverridesByFile From(IEnumerable<(string Path, SeverityOverrides Overrides)> files, SourceTrees? trees = null)
    {
        var byPath = new Dictionary<string, SeverityOverrides>(StringComparer.Ordinal);
        foreach (var (path, overrides) in files)
        {
            if (overrides.Items.Count > 0)
            {
                byPath[path] = overrides;
            }
        }

        return new SeverityOverridesByFile(byPath, trees);
    }
}
