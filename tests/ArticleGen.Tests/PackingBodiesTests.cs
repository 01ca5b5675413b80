using System.Collections;
using System.Text;
using ArticleGen.Build;
using ArticleGen.Tests.Infrastructure;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>
/// The build task that packs the bodies (ArticleGen.targets runs it before every compile that a Markdown file changed):
/// what it packs, under which names, and that a later build reads again only what was edited.
/// </summary>
public sealed class PackingBodiesTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("articlegen-pack-").FullName;

    private string Pack => Path.Combine(_project, "obj", "ArticleGen.bodies");

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_project, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Stamp => Path.Combine(_project, "obj", "ArticleGen.bodies.packer");

    private (bool Succeeded, BuildEngine Engine) Run(params string[] files)
    {
        var engine = new BuildEngine();
        var task = new PackArticleBodies
        {
            BuildEngine = engine,
            Files = [.. files.Select(f => new TaskItem(f))],
            ProjectDirectory = _project,
            OutputFile = Pack,
            PackerStamp = Stamp,
        };
        return (task.Execute(), engine);
    }

    private Dictionary<ulong, string> Packed() => BodyPack.Read(File.ReadAllBytes(Pack)).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Bodies by name, keyed as the pack keys them: by the hash of the name.</summary>
    private static Dictionary<ulong, string> Bodies(params (string Name, string Body)[] bodies) => bodies.ToDictionary(b => BodyPack.HashOf(b.Name), b => b.Body);

    [Fact]
    public void Markdown_files_below_the_project_are_packed_under_their_path_with_their_bodies_only()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"articlegen-outside-{Guid.NewGuid():N}.md");
        File.WriteAllText(outside, "---\ntitle: Outside\n---\nlinked from elsewhere\n");
        try
        {
            var (succeeded, _) = Run(
                Write("content/a.md", "---\r\ntitle: A\r\n---\r\nline one\r\nline two\r"),
                Write("content/sub dir/B.MD", "\uFEFF---\ntitle: B\n...\n---  \nÜber 世界\n"),
                Write("content/notes.txt", "not Markdown"),
                outside);

            Assert.True(succeeded);
            Assert.Equal(Bodies(("content/a.md", "line one\nline two\n"), ("content/sub dir/B.MD", "Über 世界\n")), Packed());
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void A_Markdown_file_without_front_matter_is_no_article_and_is_not_shipped()
    {
        var (succeeded, _) = Run(
            Write("README.md", "# The site\n\nHow to build it.\n\n---\n\nInternal notes below the rule.\n"),
            Write("content/a.md", "---\ntitle: A\n---\nbody of A\n"));

        Assert.True(succeeded);
        Assert.Equal(Bodies(("content/a.md", "body of A\n")), Packed());
    }

    [Fact]
    public void A_later_build_reads_again_only_the_files_edited_since_the_last_pack_and_drops_removed_ones()
    {
        var a = Write("a.md", "---\ntitle: A\n---\nfirst A\n");
        var b = Write("b.md", "---\ntitle: B\n---\nfirst B\n");
        var c = Write("c.md", "---\ntitle: C\n---\nfirst C\n");
        Assert.True(Run(a, b, c).Succeeded);

        // b is edited; c is removed from the project; a is read again only if its size or time changed, so a file
        // rewritten to the same size with its old time restored keeps its packed body (the check make and rsync use).
        var aTime = File.GetLastWriteTimeUtc(a);
        File.WriteAllText(a, "---\ntitle: A\n---\nfirst a\n");
        File.SetLastWriteTimeUtc(a, aTime);
        File.WriteAllText(b, "---\ntitle: B\n---\nsecond B\n");
        Assert.True(Run(a, b).Succeeded);

        Assert.Equal(Bodies(("a.md", "first A\n"), ("b.md", "second B\n")), Packed());
    }

    [Fact]
    public void Files_renamed_or_restored_with_their_old_times_are_read_again()
    {
        // mv, cp -p and archives keep a file's time: older than the pack, it is still not what was packed under its name.
        var hello = Write("posts/hello.md", "---\ntitle: Hello\n---\nhello body\n");
        var second = Write("posts/second.md", "---\ntitle: Second\n---\nthe second post's body\n");
        File.SetLastWriteTimeUtc(hello, DateTime.UtcNow.AddDays(-2));
        File.SetLastWriteTimeUtc(second, DateTime.UtcNow.AddDays(-1));
        Assert.True(Run(hello, second).Succeeded);

        var swap = hello + ".swap";
        File.Move(hello, swap);
        File.Move(second, hello);
        File.Move(swap, second);
        Assert.True(Run(hello, second).Succeeded);

        Assert.Equal(Bodies(("posts/hello.md", "the second post's body\n"), ("posts/second.md", "hello body\n")), Packed());
    }

    [Fact]
    public void A_pack_cut_short_is_read_as_empty_and_every_body_is_packed_again()
    {
        var a = Write("a.md", "---\ntitle: A\n---\nbody of A\n");
        var b = Write("b.md", "---\ntitle: B\n---\nbody of B\n");
        Assert.True(Run(a, b).Succeeded);
        var whole = File.ReadAllBytes(Pack);
        File.WriteAllBytes(Pack, whole.AsSpan(0, whole.Length - 5).ToArray()); // a build stopped while writing, a full disk

        File.WriteAllText(b, "---\ntitle: B\n---\nbody of B, edited\n");
        var (succeeded, engine) = Run(a, b);

        Assert.True(succeeded, string.Join("\n", engine.Errors.Select(e => e.Message)));
        Assert.Equal(Bodies(("a.md", "body of A\n"), ("b.md", "body of B, edited\n")), Packed());
    }

    [Fact]
    public void A_pack_written_by_another_version_of_the_task_is_not_kept()
    {
        // An older package split or named bodies otherwise: its pack is newer than every article, so only the stamp the
        // targets rewrite when the task changes (newer than the pack) tells the task to pack every body afresh.
        var a = Write("a.md", "---\ntitle: A\n---\nbody of A\n");
        File.SetLastWriteTimeUtc(a, DateTime.UtcNow.AddMinutes(-10));
        Directory.CreateDirectory(Path.GetDirectoryName(Pack)!);
        using (var stream = File.Create(Pack))
        {
            BodyPack.Write(stream, [("a.md", "---\nbody as an older task read it\n")]);
        }

        File.SetLastWriteTimeUtc(Pack, DateTime.UtcNow.AddMinutes(-5));
        File.WriteAllText(Stamp, "another task");

        Assert.True(Run(a).Succeeded);

        Assert.Equal(Bodies(("a.md", "body of A\n")), Packed());
    }

    [Fact]
    public void A_front_matter_edit_leaves_the_pack_as_it_was_but_current()
    {
        var a = Write("a.md", "---\ntitle: A\n---\nbody\n");
        Assert.True(Run(a).Succeeded);
        var before = File.ReadAllBytes(Pack);
        File.SetLastWriteTimeUtc(Pack, DateTime.UtcNow.AddMinutes(-1));

        File.WriteAllText(a, "---\ntitle: A, renamed\n---\nbody\n");
        Assert.True(Run(a).Succeeded);

        Assert.Equal(before, File.ReadAllBytes(Pack));
        Assert.True(File.GetLastWriteTimeUtc(Pack) >= File.GetLastWriteTimeUtc(a), "the pack is older than the file it holds, so every build would read the file again");
    }

    [Fact]
    public void Without_Markdown_there_is_no_pack_and_the_compiler_gets_no_resource()
    {
        var a = Write("a.md", "---\ntitle: A\n---\nbody\n");
        Assert.True(Run(a).Succeeded);
        Assert.True(File.Exists(Pack));

        Assert.True(Run(Write("notes.txt", "text")).Succeeded);
        Assert.False(File.Exists(Pack));
    }

    [Fact]
    public void An_unreadable_file_fails_the_task_at_the_file_and_leaves_no_pack_to_trust()
    {
        // Packing an empty body instead would keep it: the pack would be newer than the file once it reads again.
        var a = Write("a.md", "---\ntitle: A\n---\nbody\n");
        Assert.True(Run(a).Succeeded);
        var missing = Path.Combine(_project, "gone.md");

        var (succeeded, engine) = Run(a, missing);

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("ARTB001", error.Code);
        Assert.Equal(missing, error.File);
        Assert.Contains("could not read", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Pack), "a pack left behind would be up to date for MSBuild, and the next build would not read the file");

        File.WriteAllText(missing, "---\ntitle: Back\n---\nback\n");
        Assert.True(Run(a, missing).Succeeded);
        Assert.Equal(Bodies(("a.md", "body\n"), ("gone.md", "back\n")), Packed());
    }

    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void Bodies_are_keyed_by_the_64_bit_FNV_1a_hash_of_their_names(string name, ulong published)
    {
        // The published FNV-1a test vectors: the generated reader computes the same function over the source path.
        Assert.Equal(published, BodyPack.HashOf(name));
    }

    [Fact]
    public void The_index_is_sorted_by_hash_and_every_body_reads_back_under_its_name()
    {
        string[] names = ["z.md", "é.md", "a.md", "\uFF5E.md", "\U0001F600.md", "A.md"];
        using var stream = new MemoryStream();
        BodyPack.Write(stream, names.Select(n => (n, "body of " + n)));
        var pack = stream.ToArray();

        var hashes = Enumerable.Range(0, names.Length).Select(i => BitConverter.ToUInt64(pack, 12 + (16 * i))).ToList();
        Assert.Equal(hashes.Order(), hashes);
        Assert.Equal(Bodies([.. names.Select(n => (n, "body of " + n))]), BodyPack.Read(pack));
    }

    [Fact]
    public void The_catalog_finds_every_body_in_the_pack_whatever_its_name_sorts_like()
    {
        string[] names = ["z", "é", "a", "\uFF5E", "\U0001F600", "A", "a b", "a-b", "ab", "a.b"];
        var project = new TestProject().WithSource("""
            [ArticleCollection("content/**/*.md")]
            public sealed partial record Post
            {
                public required string Title { get; init; }
            }
            """).WithEmbeddedBodies();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            project.WithArticle($"content/{name}.md", $"---\ntitle: T{i}\n---\nbody of {name}\n");
            project.WithArticle($"content/deeper/{name}.md", $"---\ntitle: D{i}\n---\nbody of deeper/{name}\n");
        }

        var run = project.Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings();

        var bodies = (string)run.Evaluate("""string.Join("|", System.Linq.Enumerable.Select(Post.All, p => p.SourcePath + "=" + p.Body.TrimEnd()))""")!;
        Assert.Equal(
            names.SelectMany(n => new[] { $"content/{n}.md=body of {n}", $"content/deeper/{n}.md=body of deeper/{n}" }).Order(StringComparer.Ordinal),
            bodies.Split('|').Order(StringComparer.Ordinal));
    }

    /// <summary>What MSBuild gives a task to log to: here, lists to assert on.</summary>
    private sealed class BuildEngine : IBuildEngine
    {
        public List<BuildWarningEventArgs> Warnings { get; } = [];

        public List<BuildErrorEventArgs> Errors { get; } = [];

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test.csproj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => throw new NotSupportedException();

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }

        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
    }
}
