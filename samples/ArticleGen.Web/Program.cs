using ArticleGen.Web;

// Every post in content/news is already a typed object in NewsPost.All: nothing is read or parsed at run time.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();

app.MapGet("/", () => Html(Pages.Index(NewsPost.All)));

app.MapGet("/news/{slug}", (string slug) =>
    NewsPost.TryGet(slug, out var post) ? Html(Pages.Post(post)) : NotFound());

// The posts link each other by ruby-lang.org's addresses (/en/news/2017/09/14/name/): those lead to the post here, and
// a post this sample does not carry to ruby-lang.org itself.
app.MapGet("/en/news/{year}/{month}/{day}/{name}", (string year, string month, string day, string name) =>
    NewsPost.TryGet($"{year}-{month}-{day}-{name}", out var post)
        ? Results.Redirect(post.Url, permanent: true)
        : Results.Redirect($"https://www.ruby-lang.org/en/news/{Uri.EscapeDataString(year)}/{Uri.EscapeDataString(month)}/{Uri.EscapeDataString(day)}/{Uri.EscapeDataString(name)}/", permanent: true));

app.MapGet("/tags/{tag}", (string tag) =>
    NewsPost.All.Where(p => p.Tags.Contains(tag, StringComparer.Ordinal)).ToList() is { Count: > 0 } posts
        ? Html(Pages.List("Tagged " + tag, posts))
        : NotFound());

app.MapGet("/authors/{author}", (string author) =>
    NewsPost.All.Where(p => p.Author == author).ToList() is { Count: > 0 } posts
        ? Html(Pages.List("By " + author, posts))
        : NotFound());

app.MapGet("/feed.xml", (HttpRequest request) =>
    Results.Bytes(Feed.Atom(NewsPost.All, new Uri(request.Scheme + "://" + request.Host + "/")), "application/atom+xml; charset=utf-8"));

app.MapFallback(() => NotFound());

app.Run();

static IResult Html(string page) => Results.Text(page, "text/html; charset=utf-8");

static IResult NotFound() => Results.Text(Pages.NotFound(), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
