using System.Reflection;
using System.Text;
using ArticleGen.Emit;
using ArticleGen.Tests.Infrastructure;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>
/// The catalog data is compressed by the generator and decompressed by the code it generates: every input, cut at
/// any budget, must come back byte for byte through the generated decoder itself (compiled here, both its
/// <c>ReadOnlySpan</c> and its <c>byte[]</c> form).
/// </summary>
public sealed class DataCompressionTests
{
    private static readonly Lazy<(MethodInfo Span, MethodInfo Array)> Decoders = new(CompileDecoders);

    public static TheoryData<string> Inputs() => new(InputsByName.Keys);

    private static readonly Dictionary<string, byte[]> InputsByName = new()
    {
        ["empty"] = [],
        ["one byte"] = [42],
        ["three bytes"] = [1, 2, 3],
        ["four equal bytes"] = [7, 7, 7, 7],
        ["a run longer than 15 + 255 bytes"] = Enumerable.Repeat((byte)'x', 5_000).ToArray(),
        ["literals longer than 15 + 255 bytes, then a match"] = [.. RandomBytes(1, 700), .. RandomBytes(1, 700)],
        ["random bytes (nothing to match)"] = RandomBytes(2, 100_000),
        ["a match 65,535 bytes back"] = FarRepeat(65_535),
        ["a repeat 65,536 bytes back, out of a match's reach"] = FarRepeat(65_536),
        ["front matter-like text"] = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2_000).Select(i =>
            $"title:Item {i} über 🙂\nurl:https://example.com/news/{i * 7919 % 1000}/\ndate:2024-0{i % 9 + 1}-1{i % 10}\n"))),
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Compressed_data_comes_back_exactly_through_the_generated_decoder_at_any_budget(string name)
    {
        var data = InputsByName[name];
        foreach (var limit in new[] { int.MaxValue, 0, 1, 5, 17, data.Length / 3, data.Length / 2 + 1 })
        {
            // Only text ends on a character (the rest goes in u8 literals, which hold text).
            foreach (var endOnCharacter in IsText(data) ? new[] { true, false } : [false])
            {
                var target = new byte[DataCompression.MaxCompressedLength(data.Length)];
                var written = DataCompression.Compress(data, data.Length, target, limit, endOnCharacter, out var consumed);

                Assert.True(written <= limit, $"{name}, limit {limit}: {written} bytes written");
                Assert.InRange(consumed, 0, data.Length);
                if (limit == int.MaxValue)
                {
                    Assert.Equal(data.Length, consumed);
                }

                if (endOnCharacter && consumed < data.Length)
                {
                    Assert.True((data[consumed] & 0xC0) != 0x80, $"{name}, limit {limit}: the rest starts inside a character");
                }

                var compressed = target.AsSpan(0, written).ToArray();
                Assert.Equal(data.AsSpan(0, consumed).ToArray(), Expand(Decoders.Value.Array, compressed, consumed));
                Assert.Equal(data.AsSpan(0, consumed).ToArray(), Expand(Decoders.Value.Span, compressed, consumed));
            }
        }
    }

    [CorpusFact]
    public void Real_front_matter_compresses_to_well_under_its_size()
    {
        // What the compression is for: the data of real articles, here the 674 powerapps news' front matter as text.
        var frontMatters = Directory.EnumerateFiles(Corpus.PowerApps("_news"), "*.md").Order(StringComparer.Ordinal)
            .Select(File.ReadAllText).Select(text => text.Split("\n---", 2)[0]);
        var data = Encoding.UTF8.GetBytes(string.Concat(frontMatters));
        var target = new byte[DataCompression.MaxCompressedLength(data.Length)];
        var written = DataCompression.Compress(data, data.Length, target, int.MaxValue, endOnCharacter: true, out _);

        Assert.True(written < data.Length * 0.6, $"{data.Length:N0} bytes of front matter compressed to {written:N0}");
        Assert.Equal(data, Expand(Decoders.Value.Span, target.AsSpan(0, written).ToArray(), data.Length));
    }

    [Fact]
    public void A_repeat_65535_bytes_back_is_a_match_and_one_a_byte_further_is_literals()
    {
        // Zeros between the two copies: they all hash alike, so the first copy's hash is still there to be found.
        static int Compressed(byte[] data) =>
            DataCompression.Compress(data, data.Length, new byte[DataCompression.MaxCompressedLength(data.Length)], int.MaxValue, endOnCharacter: false, out _);

        Assert.True(Compressed(FarRepeat(65_535)) + 10 < Compressed(FarRepeat(65_536)), "the second copy, 65,535 bytes back, was not a match");
    }

    [Fact]
    public void Past_the_budget_the_stream_keeps_as_many_literals_as_fit()
    {
        // Random bytes do not compress: what fits in the budget is literals, nearly the budget's worth, not nothing.
        var data = RandomBytes(11, 100_000);
        var target = new byte[DataCompression.MaxCompressedLength(data.Length)];
        var written = DataCompression.Compress(data, data.Length, target, 50_000, endOnCharacter: false, out var consumed);

        Assert.InRange(written, 49_000, 50_000);
        Assert.InRange(consumed, 48_500, 50_000);
    }

    /// <summary>16 random bytes, zeros, and the 16 bytes again, <paramref name="distance"/> bytes after the first.</summary>
    private static byte[] FarRepeat(int distance)
    {
        var repeated = RandomBytes(3, 16);
        var data = new byte[distance + 16];
        repeated.CopyTo(data, 0);
        repeated.CopyTo(data, distance);
        return data;
    }

    private static bool IsText(byte[] data)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static byte[] RandomBytes(int seed, int count)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Expand(MethodInfo decoder, byte[] compressed, int length)
    {
        var data = new byte[length];
        decoder.Invoke(null, [compressed, data]);
        return data;
    }

    private static (MethodInfo Span, MethodInfo Array) CompileDecoders()
    {
        var source = new StringBuilder();
        foreach (var (name, type) in new[] { ("SpanDecoder", "global::System.ReadOnlySpan<byte>"), ("ArrayDecoder", "byte[]") })
        {
            var writer = new SourceWriter();
            DataCompression.WriteExpand(writer, type);
            source.Append("public static class ").Append(name).Append(" {\n")
                .Append(writer.ToString().Replace("private static void Expand", "public static void Expand", StringComparison.Ordinal))
                .Append(name == "SpanDecoder" ? "public static void Run(byte[] source, byte[] data) => Expand(source, data);\n" : "")
                .Append("}\n");
        }

        var compilation = CSharpCompilation.Create(
            "Decoders",
            [CSharpSyntaxTree.ParseText(source.ToString())],
            Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var assembly = Assembly.Load(stream.ToArray());
        return (assembly.GetType("SpanDecoder")!.GetMethod("Run")!, assembly.GetType("ArrayDecoder")!.GetMethod("Expand")!);
    }
}
