using ArticleGen.Sample;

// Every article in content/ is already a typed object: no parsing, no I/O, no reflection at run time.
Console.WriteLine($"{NewsArticle.Count} articles");
Console.WriteLine();

foreach (var article in NewsArticle.All.OrderByDescending(a => a.PublishedDateTime))
{
    Console.WriteLine(article.Title);
    Console.WriteLine($"  {article.PublishedDateTime:yyyy-MM-dd}  {article.Category}  {string.Join(", ", article.Topics)}");
}

// One property per article, and lookups by slug.
Console.WriteLine();
var first = NewsArticle._20220808UkSmartwatchesFacialRecognition;
Console.WriteLine($"{first.Slug}: {first.Provider?.Name}, {first.Related.Count} related, heat {first.Heat}");
Console.WriteLine($"Get(\"hello-articlegen\") finds \"{NewsArticle.Get("hello-articlegen").Title}\"");
