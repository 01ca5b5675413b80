using Microsoft.CodeAnalysis;
using Xunit;

namespace ArticleGen.Tests.Infrastructure;

internal static class DiagnosticAssert
{
    /// <summary>
    /// Asserts a diagnostic's ID, severity, file and 1-based line and column: what <c>dotnet build</c> prints as
    /// <c>file(line,col): severity ID</c> and where an IDE jumps.
    /// </summary>
    public static void At(Diagnostic diagnostic, string id, DiagnosticSeverity severity, string file, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        var actual = $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Severity} {diagnostic.Id}";
        var expected = $"{TestProject.Directory}{file}({line},{column}): {severity} {id}";
        Assert.True(expected == actual, $"Expected {expected}\n  but got {actual}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    public static Diagnostic Single(IEnumerable<Diagnostic> diagnostics, string id)
    {
        var matching = diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected exactly one {id}, got {matching.Count}:\n{string.Join("\n", diagnostics)}");
        return matching[0];
    }

    public static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
