using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ArticleGen.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>
/// Contract §6 as a reader meets it: the web sample, built from this repository's sources, serving the HTML the build
/// rendered, driven by a real headless browser (Debian's chromium through Playwright for .NET; .ci/run installs it) and
/// crawled link by link.
/// </summary>
[Collection(DotNetCliCollection.Name)]
public sealed class SampleInBrowserTests
{
    /// <summary>A post with sections (a table of contents) and code blocks.</summary>
    private const string PostWithSections = "/news/2013-11-22-ruby-1-9-3-p484-is-released";

    private const string Chromium = "/usr/bin/chromium";

    /// <summary>A short window, so that the post's headings start below it.</summary>
    private const int Height = 300;

    [Fact]
    public async Task A_post_shows_its_title_its_code_and_a_table_of_contents_whose_links_scroll_to_their_headings()
    {
        Assert.True(File.Exists(Chromium), $"No browser at {Chromium}: install Debian's chromium (apt-get install -y chromium), as .ci/run does.");
        using var sample = await RunningSample.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = ["--no-sandbox"], Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 800, Height = Height } });

        var response = await page.GotoAsync(sample.Url(PostWithSections));
        Assert.Equal(200, response!.Status);
        Assert.Equal("Ruby 1.9.3-p484 is released", await page.TitleAsync());
        Assert.Equal("Ruby 1.9.3-p484 is released", await page.Locator("article > h1").InnerTextAsync());
        Assert.True(await page.Locator(".body pre code").CountAsync() >= 2, "The post's code blocks are not shown as code.");
        Assert.Contains("SHA256:", await page.Locator(".body pre code").First.InnerTextAsync());

        var tocLinks = page.Locator("nav.toc a");
        Assert.Equal(["Download", "Release Comment"], await tocLinks.AllInnerTextsAsync());
        foreach (var (text, id) in new[] { ("Release Comment", "release-comment"), ("Download", "download") })
        {
            // From the top of the page, where the heading is below the window, the link brings it into view.
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            var before = await page.EvaluateAsync<double>($"() => document.getElementById('{id}').getBoundingClientRect().top");
            Assert.True(before > Height, $"'{text}' is in view before its link is clicked ({before}px): the test shows nothing.");
            await page.GetByRole(AriaRole.Link, new() { Name = text, Exact = true }).ClickAsync();
            await page.WaitForFunctionAsync($"() => location.hash === '#{id}'");

            var after = await page.EvaluateAsync<double>($"() => document.getElementById('{id}').getBoundingClientRect().top");
            Assert.True(after >= -1 && after < Height, $"'{text}' left its heading at {after}px, outside the {Height}px window.");
            Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 0, $"'{text}' did not scroll.");
            Assert.Equal(text, await page.Locator($"h2#{id}").InnerTextAsync());
        }
    }

    [Fact]
    public async Task A_crawl_of_every_page_finds_no_internal_link_that_is_not_200_and_no_anchor_without_its_heading()
    {
        using var sample = await RunningSample.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = sample.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<(string Path, string From)>([("/", "(start)")]);
        var broken = new List<string>();
        var pages = 0;
        var leftTheSite = 0;
        while (queue.Count > 0)
        {
            var (path, from) = queue.Dequeue();
            using var response = await http.GetAsync(path);
            if ((int)response.StatusCode is 301 or 302 or 307 or 308 && response.Headers.Location is { } location)
            {
                // An old ruby-lang.org address leads to the post here, or to ruby-lang.org for a post this sample lacks.
                var target = location.IsAbsoluteUri ? location : new Uri(sample.BaseAddress, location);
                if (target.Host != sample.BaseAddress.Host || target.Port != sample.BaseAddress.Port)
                {
                    leftTheSite++;
                }
                else if (seen.Add(target.PathAndQuery))
                {
                    queue.Enqueue((target.PathAndQuery, path));
                }

                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{path} ({(int)response.StatusCode}), linked from {from}");
                continue;
            }

            pages++;
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            var ids = Regex.Matches(html, "\\bid=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
            foreach (var href in Regex.Matches(html, "\\bhref=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
            {
                if (href.StartsWith('#'))
                {
                    if (!ids.Contains(Uri.UnescapeDataString(href[1..])))
                    {
                        broken.Add($"{path}{href} (no element has that id)");
                    }

                    continue;
                }

                if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
                {
                    continue; // another site
                }

                var target = href.Split('#')[0];
                if (seen.Add(target))
                {
                    queue.Enqueue((target, path));
                }
            }
        }

        Assert.True(broken.Count == 0, $"{broken.Count} broken internal links:\n" + string.Join("\n", broken));
        Assert.True(pages > 300, $"The crawl reached only {pages} pages.");
        Assert.True(leftTheSite > 0, "No link led to a post this sample does not carry: the crawl did not follow the posts' own links.");
    }

    /// <summary>A copy of the web sample, built and running on a free port of 127.0.0.1; disposing stops it and deletes the copy.</summary>
    private sealed class RunningSample : IDisposable
    {
        private readonly string _directory;
        private readonly Process _app;

        private RunningSample(string directory, Process app, Uri baseAddress)
        {
            _directory = directory;
            _app = app;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public string Url(string path) => new Uri(BaseAddress, path).ToString();

        public static async Task<RunningSample> StartAsync()
        {
            var directory = WatchedSample.CopyWebSample();
            var build = DotNetCli.Run(directory, "build", "-nologo", "-clp:NoSummary");
            Assert.True(build.ExitCode == 0, build.ToString());

            var port = WatchedSample.FreePort();
            var start = DotNetCli.StartInfo(directory, ["bin/Debug/net10.0/ArticleGen.Web.dll", "--urls", $"http://127.0.0.1:{port}"]);
            var app = Process.Start(start)!;
            app.OutputDataReceived += (_, _) => { };
            app.ErrorDataReceived += (_, _) => { };
            app.BeginOutputReadLine();
            app.BeginErrorReadLine();
            var sample = new RunningSample(directory, app, new Uri($"http://127.0.0.1:{port}/"));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await http.GetStringAsync(sample.BaseAddress);
                    return sample;
                }
                catch (HttpRequestException) when (attempt < 300 && !app.HasExited)
                {
                    await Task.Delay(100);
                }
            }
        }

        public void Dispose()
        {
            try
            {
                _app.Kill(entireProcessTree: true);
                _app.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // It had exited.
            }

            _app.Dispose();
            WatchedSample.DeleteCopy(_directory);
        }
    }
}
