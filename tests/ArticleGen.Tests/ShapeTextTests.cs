using System.Text;
using ArticleGen.Parsing;
using ArticleGen.Schema;
using ArticleGen.Schema.Inference;
using ArticleGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ArticleGen.Tests;

/// <summary>
/// A file's front-matter shape is kept by the driver as one string (<see cref="ShapeText"/>), and files of the same
/// shape are merged once, counted as many times as they occur: both must give the schema that reading and merging
/// every file one after another gives.
/// </summary>
public sealed class ShapeTextTests(ITestOutputHelper output)
{
    private static YamlMapping FrontMatterOf(string text) =>
        FrontMatterReader.Read("/p/a.md", "a.md", text, keepBody: false, CancellationToken.None).FrontMatter
        ?? throw new InvalidOperationException("no front matter read");

    [Fact]
    public void A_shape_reads_back_from_its_text_keys_in_order_with_every_kind_and_flag()
    {
        var frontMatter = FrontMatterOf("""
            ---
            title: "A: b"
            "a key with: colon and 12:": 1
            big: 3000000000
            ratio: 2.5
            draft: false
            date: 2024-01-10
            none: ~
            empty: []
            tags: [a, 1, ~]
            nested: {a: {b: [{c: 1}, {c: x, d: true}]}}
            "": odd
            ü: ✓
            ---
            """);
        var shape = ShapeReader.Read(frontMatter);
        var text = ShapeText.Write(shape, shared: false);
        output.WriteLine(text);

        Assert.Equal(shape, ShapeText.Read(text));
        Assert.Equal(ShapeReader.ReadText(frontMatter), text);
        Assert.Equal(
            ["title", "a key with: colon and 12:", "big", "ratio", "draft", "date", "none", "empty", "tags", "nested", "", "ü"],
            shape.Keys.Select(k => k.Key));
    }

    [Fact]
    public void Keys_written_twice_by_the_key_rule_count_once_and_a_mapping_of_many_keys_reads_the_same()
    {
        var many = string.Join("\n", Enumerable.Range(0, 70).Select(i => $"key{i}: {i}"));
        var frontMatter = FrontMatterOf($"---\nTitle: a\ntitle: b\npublished-at: 2024-01-10\npublishedAt: x\nms.date: 1\nmsdate: y\n~: null key\nlist: [{{a: 1}}, {{A: true, b: ~}}, [x], y]\nmany:\n  {many.Replace("\n", "\n  ")}\n  KEY3: repeated\n---\n");
        var shape = ShapeReader.Read(frontMatter);
        Assert.Equal(["Title", "published-at", "ms.date", "list", "many"], shape.Keys.Select(k => k.Key));
        Assert.Equal(70, shape.Keys.Single(k => k.Key == "many").Value.Keys.Count);
        Assert.Equal(["a"], shape.Keys.Single(k => k.Key == "list").Value.Item!.Keys.Select(k => k.Key).Take(1));
        Assert.Equal(ShapeText.Write(shape, shared: false), ShapeReader.ReadText(frontMatter));
        Assert.Equal(shape, ShapeText.Read(ShapeReader.ReadText(frontMatter)));
    }

    [Theory]
    [InlineData("title", "title", true)]
    [InlineData("Title", "tItle", true)]
    [InlineData("published-at", "publishedAt", true)]
    [InlineData("ms.date", "MS_DATE", true)]
    [InlineData("-a-", "a", true)]
    [InlineData("---", "", true)]
    [InlineData("title", "titles", false)]
    [InlineData("ab", "a-c", false)]
    [InlineData("İ", "i", false)]
    [InlineData("Ä", "ä", true)]
    public void Two_keys_are_the_same_key_exactly_when_their_normal_forms_are_equal(string a, string b, bool same)
    {
        Assert.Equal(same, KeyName.SameKey(a, b));
        Assert.Equal(same, KeyName.SameKey(b, a));
        Assert.Equal(KeyName.Normalize(a) == KeyName.Normalize(b), KeyName.SameKey(a, b));
    }

    [Fact]
    public void A_front_matter_of_nested_aliases_is_written_as_long_as_it_is_written_not_as_long_as_it_expands()
    {
        // Seven levels of ten mappings each naming the level below: 10^6 places expanded, past the reader's bound of
        // 100,000, so four levels (11,111 places once expanded) is what a front matter can hold.
        var yaml = new StringBuilder("---\nl0: &l0 {leaf: 1, text: a long enough key's value}\n");
        for (var level = 1; level <= 4; level++)
        {
            yaml.Append($"l{level}: &l{level} {{")
                .Append(string.Join(", ", Enumerable.Range(0, 10).Select(k => $"key{k}: *l{level - 1}")))
                .Append("}\n");
        }

        var frontMatter = FrontMatterOf(yaml + "---\n");
        Assert.True(frontMatter.ExpandedSize > 4096, $"expands to {frontMatter.ExpandedSize}");

        var text = ShapeReader.ReadText(frontMatter);
        output.WriteLine($"{frontMatter.ExpandedSize:N0} nodes expanded, {text.Length:N0} characters: {text}");
        Assert.True(text.Length < 1_000, $"{text.Length} characters");
        var shape = ShapeText.Read(text);
        Assert.Equal(ShapeReader.Read(frontMatter), shape);

        // The text refers back to a shape written once; read back, it is one shape again, in every place.
        Assert.Same(shape.Keys.Single(k => k.Key == "l3").Value, shape.Keys.Single(k => k.Key == "l4").Value.Keys[9].Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1S")]
    [InlineData("1X@")]
    [InlineData("1S~")]
    [InlineData("1NP1:")]
    [InlineData("1NP1:9:ab1S@")]
    [InlineData("^0;")]
    [InlineData("1S@1S@")]
    public void Text_that_is_not_a_shape_is_a_format_error_not_a_wrong_shape(string text) =>
        Assert.Throws<FormatException>(() => ShapeText.Read(text));

    [Fact]
    public void Files_of_one_shape_merged_once_and_counted_give_the_merge_file_by_file_at_every_depth()
    {
        // Shapes repeated in runs and apart, with nested mappings, lists of scalars and lists of mappings: a count lost
        // anywhere (a key's, a list item's, a mapping's) makes the merged shape differ somewhere.
        string[] forms =
        [
            "title: a\nprovider: {name: x, images: [{url: u, width: 1}]}\ntags: [a, b]\n",
            "title: b\nprovider: {name: y}\ntags: c\n",
            "title: c\nprovider: {name: z, images: [{url: v}, {url: w, height: 2}]}\n",
            "title: d\nextra: ~\n",
        ];
        var random = new Random(7);
        for (var site = 0; site < 200; site++)
        {
            var files = Enumerable.Range(0, random.Next(1, 40)).Select(_ => ShapeReader.Read(FrontMatterOf("---\n" + forms[random.Next(forms.Length)] + "---\n"))).ToList();
            var oneByOne = new ShapeBuilder();
            files.ForEach(shape => oneByOne.Add(shape));
            Assert.Equal(oneByOne.Build(), FileShape.Merge(files.Select((shape, i) => new FileShape("T", i.ToString("D3"), ShapeText.Write(shape, shared: false))).Reverse()));
        }
    }

    [Fact]
    public void Two_files_of_one_relative_path_merge_the_same_in_either_order()
    {
        // 'content\p.md' and 'content/p.md' are one relative path on Linux: which shape's keys come first must not
        // depend on the order the compiler lists them in.
        var xy = ShapeReader.ReadText(FrontMatterOf("---\nx: 1\ny: 2\n---\n"));
        var yx = ShapeReader.ReadText(FrontMatterOf("---\ny: 2\nx: 1\n---\n"));
        var files = new[] { new FileShape("T", "content/r.md", xy), new FileShape("T", "content/p.md", yx), new FileShape("T", "content/p.md", xy) };
        Assert.Equal(FileShape.Merge(files), FileShape.Merge(files.Reverse()));
        Assert.Equal(FileShape.Merge(files), FileShape.Merge([files[0], files[2], files[1]]));
    }

    /// <summary>Every folder of both corpora: the texts read back, and the merge by distinct shape equals the merge file by file.</summary>
    [CorpusFact]
    public void Every_real_front_matter_reads_back_and_merging_by_distinct_shape_equals_merging_file_by_file()
    {
        var folders = new[] { Corpus.PowerApps(""), Corpus.RubyLang("") }
            .SelectMany(root => Directory.GetDirectories(root))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
        var files = 0;
        foreach (var folder in folders)
        {
            var shapes = Directory.GetFiles(folder, "*.md", SearchOption.AllDirectories)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(path => FrontMatterReader.Read(path, path, File.ReadAllText(path), keepBody: false, CancellationToken.None).FrontMatter)
                .Where(frontMatter => frontMatter is not null)
                .Select(frontMatter => (Shape: ShapeReader.Read(frontMatter!), Text: ShapeReader.ReadText(frontMatter!)))
                .ToList();
            if (shapes.Count == 0)
            {
                continue;
            }

            files += shapes.Count;
            var oneByOne = new ShapeBuilder();
            foreach (var (shape, text) in shapes)
            {
                // Read as written (no front matter here expands past a page's size): the same text as the shape's.
                Assert.Equal(ShapeText.Write(shape, shared: false), text);
                Assert.Equal(shape, ShapeText.Read(text));
                oneByOne.Add(shape);
            }

            var expected = oneByOne.Build();
            Assert.Equal(expected, FileShape.Merge(shapes.Select((s, i) => new FileShape("T", i.ToString("D5"), s.Text)).Reverse()));
            Assert.Equal(shapes.Count, expected.Occurrences);
            output.WriteLine($"{Path.GetRelativePath(Corpus.Root, folder)}: {shapes.Count} files, {shapes.Select(s => s.Text).Distinct().Count()} distinct shapes, {expected.Keys.Count} keys");
        }

        Assert.True(files > 6000, $"{files} front matters read");
    }
}
