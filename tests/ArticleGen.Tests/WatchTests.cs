using System.Net;
using System.Text.RegularExpressions;
using ArticleGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ArticleGen.Tests;

/// <summary>
/// A writer's session under a real <c>dotnet watch run</c> of the web sample, with real HTTP requests: edits show at
/// once, an added or deleted article appears or goes, a broken article prints its diagnostic and takes nothing down.
/// The limits are the ones issue 11 sets (3 s for an edit, 10 s for an added or deleted article, 5 s for a fix); each
/// measured time is printed.
/// </summary>
[Collection(DotNetCliCollection.Name)]
public sealed class WatchTests(ITestOutputHelper output)
{
    private const string Post = "content/news/2026-07-16-ruby-3-3-12-released.md";
    private const string PostUrl = "/news/2026-07-16-ruby-3-3-12-released";
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Under_dotnet_watch_edits_show_at_once_and_a_broken_article_takes_nothing_down()
    {
        using var sample = WatchedSample.Start();
        await Started(sample);
        var restartsBefore = Restarts(sample.Output);

        // An edited title, date and body each show on the next request.
        sample.Edit(Post, text => text.Replace("title: \"Ruby 3.3.12 Released\"", "title: \"Ruby 3.3.12 Released, edited\"", StringComparison.Ordinal));
        await Within(sample, "an edited title", TimeSpan.FromSeconds(3), PostUrl, HttpStatusCode.OK, "<h1>Ruby 3.3.12 Released, edited</h1>");
        sample.Edit(Post, text => text.Replace("date: 2026-07-16 05:08:11 +0000", "date: 2026-07-18 05:08:11 +0000", StringComparison.Ordinal));
        await Within(sample, "an edited date", TimeSpan.FromSeconds(3), PostUrl, HttpStatusCode.OK, "18 July 2026");
        sample.Edit(Post, text => text.Replace("This release includes security fixes.", "This release includes security fixes, and an edit.", StringComparison.Ordinal));
        await Within(sample, "an edited body", TimeSpan.FromSeconds(3), PostUrl, HttpStatusCode.OK, "This release includes security fixes, and an edit.");

        // An added article answers; a deleted one is gone.
        File.WriteAllText(Path.Combine(sample.Directory, "content/news/2026-11-30-a-new-post.md"),
            "---\nlayout: news_post\ntitle: \"A new post\"\nauthor: \"writer\"\ntranslator:\ndate: 2026-11-30 08:00:00 +0000\nlang: en\n---\n\nJust written.\n");
        await Within(sample, "an added article", TimeSpan.FromSeconds(10), "/news/2026-11-30-a-new-post", HttpStatusCode.OK, "<h1>A new post</h1>");
        Assert.Contains("301 posts", (await sample.GetAsync("/")).Text);
        File.Delete(Path.Combine(sample.Directory, "content/news/2026-11-30-a-new-post.md"));
        await Within(sample, "a deleted article", TimeSpan.FromSeconds(10), "/news/2026-11-30-a-new-post", HttpStatusCode.NotFound, "Not found");
        // All of it by hot reload: an added or removed article changes method bodies only, no constant or field
        // initializer, which hot reload would apply by restarting the app (ENC0118).
        Assert.True(Restarts(sample.Output) == restartsBefore, $"The app restarted {Restarts(sample.Output) - restartsBefore} time(s) during the edits:\n{sample.Output}");
        output.WriteLine("Edits, the addition and the deletion were all applied by hot reload (no restart).");

        // A broken value: the diagnostic at its line and column in watch's output, the last good page still served.
        sample.Edit(Post, text => text.Replace("date: 2026-07-18 05:08:11 +0000", "date: yesterday", StringComparison.Ordinal));
        var reported = await sample.WaitAsync(() => Task.FromResult(
            Regex.IsMatch(sample.Output, @"2026-07-16-ruby-3-3-12-released\.md\(6,7\): error ART005: 'date' expects a date and time")), TimeSpan.FromSeconds(30));
        Assert.True(reported is not null, "No ART005 at (6,7) in watch's output:\n" + sample.Output);
        output.WriteLine($"A broken date: ART005 printed after {reported!.Value.TotalSeconds:F2} s.");
        for (var i = 0; i < 5; i++)
        {
            var page = await sample.GetAsync(PostUrl);
            Assert.True(page.Status == HttpStatusCode.OK && page.Text.Contains("18 July 2026", StringComparison.Ordinal), $"The broken article took the page down ({page.Status}):\n{page.Text}");
            Assert.Equal(HttpStatusCode.OK, (await sample.GetAsync("/")).Status);
            await Task.Delay(400);
        }

        // The fix shows.
        sample.Edit(Post, text => text.Replace("date: yesterday", "date: 2026-07-19 05:08:11 +0000", StringComparison.Ordinal));
        await Within(sample, "the fix", TimeSpan.FromSeconds(5), PostUrl, HttpStatusCode.OK, "19 July 2026");
    }

    [Fact]
    public async Task Without_hot_reload_dotnet_watch_notices_an_edited_article_and_restarts_with_it()
    {
        using var sample = WatchedSample.Start("--no-hot-reload");
        await Started(sample);

        sample.Edit(Post, text => text.Replace("title: \"Ruby 3.3.12 Released\"", "title: \"Ruby 3.3.12 Released, edited\"", StringComparison.Ordinal));
        await Within(sample, "an edited title, by a restart", TimeSpan.FromSeconds(60), PostUrl, HttpStatusCode.OK, "<h1>Ruby 3.3.12 Released, edited</h1>");
    }

    private async Task Started(WatchedSample sample)
    {
        var started = await sample.WaitForPageAsync("/", HttpStatusCode.OK, "300 posts", Startup);
        Assert.True(started is not null, "The sample did not start under dotnet watch:\n" + sample.Output);
        output.WriteLine($"Started under dotnet watch in {started!.Value.TotalSeconds:F1} s.");
    }

    private async Task Within(WatchedSample sample, string what, TimeSpan limit, string path, HttpStatusCode status, string text)
    {
        var elapsed = await sample.WaitForPageAsync(path, status, text, limit);
        Assert.True(elapsed is not null, $"{what}: {path} did not answer {(int)status} with '{text}' within {limit.TotalSeconds} s. Watch's output:\n{sample.Output}");
        output.WriteLine($"{what}: {elapsed!.Value.TotalSeconds:F2} s");
    }

    /// <summary>How many times watch launched the app.</summary>
    private static int Restarts(string watchOutput) => Regex.Matches(watchOutput, @"Launched '[^']*' with arguments 'run ").Count;
}
