namespace ArticleGen.Emit;

/// <summary>What <c>[GeneratedCode]</c> says made the code.</summary>
internal static class GeneratorInfo
{
    public const string Name = "ArticleGen";

    public static string Version { get; } = typeof(GeneratorInfo).Assembly.GetName().Version?.ToString() ?? "1.0.0.0";
}
