using System.Runtime.CompilerServices;
using Xunit;

namespace ArticleGen.Tests.Infrastructure;

/// <summary>
/// The shared corpus of real articles beside the checkout (<c>../shared/corpus</c>). A fresh clone does not have
/// it: tests that need it are then reported as skipped, with the reason, never passed.
/// </summary>
internal static class Corpus
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Root { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));

    public static bool IsPresent => System.IO.Directory.Exists(Path.Combine(Root, "powerapps")) && System.IO.Directory.Exists(Path.Combine(Root, "ruby-lang"));

    public static string AbsentReason => $"The shared corpus is absent: {Root} does not exist (a fresh clone has no ../shared). This test did not run.";

    public static string PowerApps(string relative) => Path.Combine(Root, "powerapps", relative);

    public static string RubyLang(string relative) => Path.Combine(Root, "ruby-lang", relative);

    private static string FindRepositoryRoot([CallerFilePath] string thisFile = "")
    {
        var directory = Path.GetDirectoryName(thisFile);
        while (directory is not null && !File.Exists(Path.Combine(directory, "ArticleGen.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("ArticleGen.sln not found above " + thisFile);
    }
}

/// <summary>A fact that needs the shared corpus: skipped, saying so, when it is absent.</summary>
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Corpus.IsPresent)
        {
            Skip = Corpus.AbsentReason;
        }
    }
}

/// <summary>A theory that needs the shared corpus: skipped, saying so, when it is absent.</summary>
internal sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!Corpus.IsPresent)
        {
            Skip = Corpus.AbsentReason;
        }
    }
}
