using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ArticleGen.Tests.Infrastructure;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>
/// The web sample published as a Native AOT executable: no trimming or AOT warning anywhere in the publish, and the
/// native program serves the catalog (every post, a post with its body read from the embedded pack, a 404).
/// </summary>
[Collection(DotNetCliCollection.Name)]
public sealed class NativeAotTests
{
    [Fact]
    public async Task The_web_sample_publishes_as_Native_AOT_without_a_warning_and_serves_its_posts()
    {
        var directory = WatchedSample.CopyWebSample();
        try
        {
            var publish = DotNetCli.Run(directory, "publish", "-c", "Release", "-o", "out"); // PublishAot is the sample's own setting
            Assert.True(publish.ExitCode == 0, publish.ToString());
            var warnings = Regex.Matches(publish.Output, @"^.*\bwarning [A-Z]+[0-9]+.*$", RegexOptions.Multiline).Select(m => m.Value).ToList();
            Assert.True(warnings.Count == 0, "The publish warned:\n" + string.Join("\n", warnings));
            var executable = Path.Combine(directory, "out", OperatingSystem.IsWindows() ? "ArticleGen.Web.exe" : "ArticleGen.Web");
            Assert.True(File.Exists(executable), "No native executable:\n" + publish);
            Assert.False(File.Exists(Path.Combine(directory, "out", "ArticleGen.Web.dll")), "The publish left IL to JIT: it is not Native AOT.");

            var port = WatchedSample.FreePort();
            using var app = Process.Start(new ProcessStartInfo(executable, ["--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = Path.Combine(directory, "out"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
                var index = await Poll(() => http.GetStringAsync("/"));
                Assert.Contains("300 posts", index, StringComparison.Ordinal);
                var post = await http.GetStringAsync("/news/2026-07-16-ruby-3-3-12-released");
                Assert.Contains("<h1>Ruby 3.3.12 Released</h1>", post, StringComparison.Ordinal);
                Assert.Contains("This release updates the default gem erb to 4.0.3.1", post, StringComparison.Ordinal);
                Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/news/no-such-post")).StatusCode);
            }
            finally
            {
                app.Kill(entireProcessTree: true);
                app.WaitForExit(10_000);
            }
        }
        finally
        {
            WatchedSample.DeleteCopy(directory);
        }
    }

    /// <summary>The first answer of a program that is starting, within half a minute.</summary>
    private static async Task<string> Poll(Func<Task<string>> request)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await request();
            }
            catch (HttpRequestException) when (attempt < 300)
            {
                await Task.Delay(100);
            }
        }
    }
}
