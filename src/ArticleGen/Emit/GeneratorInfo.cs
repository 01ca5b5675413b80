namespace ArticleGen.Emit;

/// <summary>What <c>[GeneratedCode]</c> says made the code.</summary>
internal static class GeneratorInfo
{
    public const string Name = "ArticleGen";

    /// <summary>
    /// The attribute's name as the generated members spell it; <c>SchemaReader.IsUserDeclared</c> tells them from the
    /// user's by this spelling, without binding the attribute.
    /// </summary>
    public const string AttributeName = "global::System.CodeDom.Compiler.GeneratedCode";

    public static string Version { get; } = typeof(GeneratorInfo).Assembly.GetName().Version?.ToString() ?? "1.0.0.0";
}
