namespace ArticleGen.Diagnostics;

/// <summary>
/// A diagnostic's help link: its page under docs/diagnostics in the repository this assembly was built from. The
/// address of that folder, <see cref="PagesUrl"/>, is written at build time by ArticleGen.csproj (an analyzer reads no
/// files and no environment); a build that names no repository writes none, and there are no links rather than dead ones.
/// </summary>
internal static partial class HelpLinks
{
    public static string For(string id) => PagesUrl.Length == 0 ? "" : PagesUrl + id + ".md";
}
