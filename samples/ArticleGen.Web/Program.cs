using ArticleGen.Web;

// Every post in content/news is already a typed object in NewsPost.All: nothing is read or parsed at run time.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();

app.MapGet("/", () => Html(Pages.Index(NewsPost.All)));

app.MapGet("/news/{slug}", (string slug) =>
    NewsPost.TryGet(slug, out var post) ? Html(Pages.Post(post)) : NotFound());

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
