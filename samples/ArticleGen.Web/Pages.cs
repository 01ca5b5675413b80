using System.Text;
using System.Text.Encodings.Web;

namespace ArticleGen.Web;

/// <summary>The site's pages, as HTML strings: no view engine, so the site publishes as Native AOT.</summary>
internal static class Pages
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>Every post, newest first, with the tags and authors that have pages of their own.</summary>
    public static string Index(IEnumerable<NewsPost> posts)
    {
        var newestFirst = Newest(posts).ToList();
        var body = new StringBuilder();
        body.Append("<h1>Ruby news</h1>\n");
        body.Append("<p>").Append(newestFirst.Count).Append(" posts. <a href=\"/feed.xml\">Atom feed</a>.</p>\n");
        var tags = newestFirst.SelectMany(p => p.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (tags.Count > 0)
        {
            body.Append("<p>Tags: ").AppendJoin(", ", tags.Select(TagLink)).Append("</p>\n");
        }

        AppendList(body, newestFirst);
        return Layout("Ruby news", body.ToString());
    }

    /// <summary>One post: its title, date, author, tags and text.</summary>
    public static string Post(NewsPost post)
    {
        var body = new StringBuilder();
        body.Append("<article>\n<h1>").Append(Encoder.Encode(post.Title)).Append("</h1>\n");
        body.Append("<p class=\"meta\">").Append(Date(post));
        if (!string.IsNullOrEmpty(post.Author))
        {
            body.Append(" by ").Append(AuthorLink(post.Author));
        }

        if (post.Tags.Count > 0)
        {
            body.Append(" · ").AppendJoin(", ", post.Tags.Select(TagLink));
        }

        body.Append(" · ").Append(ReadingTime(post)).Append("</p>\n");

        // A table of contents for a post with sections: each entry links the heading's id in the rendered HTML.
        if (post.Toc.Count > 1)
        {
            body.Append("<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ul>\n");
            foreach (var heading in post.Toc)
            {
                body.Append("<li class=\"level-").Append(heading.Level).Append("\"><a href=\"#").Append(Encoder.Encode(heading.Id)).Append("\">")
                    .Append(Encoder.Encode(heading.Text)).Append("</a></li>\n");
            }

            body.Append("</ul>\n</nav>\n");
        }

        // The HTML the build rendered from the post's Markdown: nothing is parsed here.
        body.Append("<div class=\"body\">\n").Append(post.Html).Append("</div>\n");
        body.Append("</article>\n<p><a href=\"/\">All posts</a></p>\n");
        return Layout(post.Title, body.ToString());
    }

    /// <summary>A titled list of posts, newest first (a tag's page, an author's page).</summary>
    public static string List(string title, IEnumerable<NewsPost> posts)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(Encoder.Encode(title)).Append("</h1>\n");
        AppendList(body, Newest(posts));
        body.Append("<p><a href=\"/\">All posts</a></p>\n");
        return Layout(title, body.ToString());
    }

    public static string NotFound() =>
        Layout("Not found", "<h1>Not found</h1>\n<p>No page here. <a href=\"/\">All posts</a></p>\n");

    public static string PostUrl(NewsPost post) => post.Url;

    private static IEnumerable<NewsPost> Newest(IEnumerable<NewsPost> posts) =>
        posts.OrderByDescending(p => p.Date).ThenBy(p => p.Slug, StringComparer.Ordinal);

    private static void AppendList(StringBuilder body, IEnumerable<NewsPost> posts)
    {
        body.Append("<ul class=\"posts\">\n");
        foreach (var post in posts)
        {
            body.Append("<li><a href=\"").Append(Encoder.Encode(PostUrl(post))).Append("\">").Append(Encoder.Encode(post.Title))
                .Append("</a> <span class=\"meta\">").Append(Date(post)).Append(" · ").Append(ReadingTime(post)).Append("</span>\n")
                .Append("<div class=\"summary\">").Append(post.Summary).Append("</div></li>\n");
        }

        body.Append("</ul>\n");
    }

    private static string Date(NewsPost post) =>
        "<time datetime=\"" + post.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "\">"
        + post.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) + "</time>";

    private static string ReadingTime(NewsPost post) =>
        ((int)post.ReadingTime.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture) + " min read";

    private static string TagLink(string tag) =>
        "<a href=\"" + Encoder.Encode("/tags/" + Uri.EscapeDataString(tag)) + "\">" + Encoder.Encode(tag) + "</a>";

    private static string AuthorLink(string author) =>
        "<a href=\"" + Encoder.Encode("/authors/" + Uri.EscapeDataString(author)) + "\">" + Encoder.Encode(author) + "</a>";

    private static string Layout(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Encoder.Encode(title) + "</title>\n"
        + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.xml\">\n"
        + "<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;padding:0 1em}.meta{color:#666}"
        + "pre{background:#f6f6f6;padding:.5em;overflow-x:auto}.toc{border-left:3px solid #ccc;padding-left:1em}"
        + ".toc .level-3{margin-left:1em}.toc .level-4{margin-left:2em}.posts li{margin-bottom:1em}.summary p{margin:.25em 0}</style>\n"
        + "</head>\n<body>\n" + body + "</body>\n</html>\n";
}
