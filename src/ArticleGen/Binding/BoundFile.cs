namespace ArticleGen.Binding;

/// <summary>
/// A Markdown file as the bind step leaves it: its article and the article's layout key, made once per edit of the
/// file. After any run the driver walks each per-file node's entries, and each collected list's, whatever changed: the
/// key made in its own step was one node and one list more, 10,000 entries each at 10,000 articles.
/// </summary>
/// <param name="Article">The bound article (a file that no collection's glob matches has no bound file).</param>
/// <param name="LayoutKey">What the catalogs' layout depends on in the article (<see cref="Model.CatalogLayout.KeyOf"/>).</param>
internal sealed record BoundFile(BoundArticle Article, BoundArticle LayoutKey);
