using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ArticleGen.Tests.Infrastructure;

/// <summary>
/// A copy of samples/ArticleGen.Web run under a real <c>dotnet watch</c>, bound to 127.0.0.1 on a free port: a test
/// edits its articles and requests its pages as a writer would. Disposing kills watch and the app by process id,
/// whatever happened, and deletes the copy.
/// </summary>
internal sealed class WatchedSample : IDisposable
{
    private readonly Process _watch;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private WatchedSample(string directory, int port, Process watch)
    {
        Directory = directory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _watch = watch;
    }

    /// <summary>The copy's project folder.</summary>
    public string Directory { get; }

    public Uri BaseAddress { get; }

    /// <summary>Everything watch, the builds and the app printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Copies the sample (<see cref="CopyWebSample"/>) and starts <c>dotnet watch run</c> on it.</summary>
    public static WatchedSample Start(params string[] watchOptions)
    {
        var directory = CopyWebSample();
        var port = FreePort();
        var start = DotNetCli.StartInfo(directory, new[] { "watch", "run", "--non-interactive", "--verbose" }.Concat(watchOptions).Concat(["--", "--urls", $"http://127.0.0.1:{port}"]));
        start.RedirectStandardInput = true;
        start.Environment["DOTNET_WATCH_SUPPRESS_LAUNCH_BROWSER"] = "1";
        start.Environment["DOTNET_WATCH_SUPPRESS_EMOJIS"] = "1";

        var watch = Process.Start(start)!;
        var sample = new WatchedSample(directory, port, watch);
        watch.OutputDataReceived += (_, e) => sample.Append(e.Data);
        watch.ErrorDataReceived += (_, e) => sample.Append(e.Data);
        watch.BeginOutputReadLine();
        watch.BeginErrorReadLine();
        return sample;
    }

    /// <summary>
    /// A copy of samples/ArticleGen.Web in a new temporary folder (its sources and articles, not bin/ or obj/), which
    /// takes the generator from this repository's sources by absolute path; returns the copy's project folder.
    /// </summary>
    public static string CopyWebSample()
    {
        var source = Path.Combine(Corpus.RepositoryRoot, "samples", "ArticleGen.Web");
        var directory = Path.Combine(Path.GetTempPath(), "articlegen-web-" + Guid.NewGuid().ToString("N"), "ArticleGen.Web");
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(directory, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var project = Path.Combine(directory, "ArticleGen.Web.csproj");
        var sources = Path.Combine(Corpus.RepositoryRoot, "src") + "/";
        File.WriteAllText(project, File.ReadAllText(project)
            .Replace("$(MSBuildThisFileDirectory)../../src/", sources, StringComparison.Ordinal)
            .Replace("../../src/", sources, StringComparison.Ordinal));
        return directory;
    }

    /// <summary>Deletes a copy made by <see cref="CopyWebSample"/>, unless a process that is going away still holds a file.</summary>
    public static void DeleteCopy(string directory)
    {
        try
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
        catch (IOException)
        {
            // The temporary folder stays behind.
        }
    }

    /// <summary>The status code and text of a page of the running app (0 and "" while nothing answers).</summary>
    public async Task<(HttpStatusCode Status, string Text)> GetAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(BaseAddress, path));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (0, "");
        }
    }

    /// <summary>
    /// Polls until <paramref name="condition"/> holds and returns how long that took, or null when it did not within
    /// <paramref name="limit"/>.
    /// </summary>
    public async Task<TimeSpan?> WaitAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_watch.HasExited)
            {
                throw new InvalidOperationException($"dotnet watch exited with code {_watch.ExitCode}:\n{Output}");
            }

            if (Output.Contains("The build failed.", StringComparison.Ordinal) || Output.Contains("Fix the error to continue", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("dotnet watch's build failed:\n" + Output);
            }

            if (await condition())
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        return null;
    }

    /// <summary>Polls until the page at <paramref name="path"/> answers with <paramref name="status"/> and holds <paramref name="text"/>.</summary>
    public Task<TimeSpan?> WaitForPageAsync(string path, HttpStatusCode status, string text, TimeSpan limit) =>
        WaitAsync(async () => await GetAsync(path) is var page && page.Status == status && page.Text.Contains(text, StringComparison.Ordinal), limit);

    /// <summary>Rewrites an article as an editor saves it.</summary>
    public void Edit(string relativePath, Func<string, string> change)
    {
        var path = Path.Combine(Directory, relativePath);
        var before = File.ReadAllText(path);
        var after = change(before);
        if (after == before)
        {
            throw new InvalidOperationException($"The edit changes nothing in {relativePath}.");
        }

        File.WriteAllText(path, after);
    }

    public void Dispose()
    {
        try
        {
            if (!_watch.HasExited)
            {
                _watch.Kill(entireProcessTree: true);
                _watch.WaitForExit(30_000);
            }
        }
        finally
        {
            _watch.Dispose();
            _http.Dispose();
            DeleteCopy(Directory);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
