namespace ArticleGen.Benchmarks;

/// <summary>
/// The floor under a build with ArticleGen: the same project without ArticleGen, with its Markdown files still in the
/// folder (the SDK's default items list them at every evaluation whoever reads them) and the code ArticleGen generated
/// for it compiled as ordinary sources, less the <c>[GeneratedCode]</c> attributes and the XML doc comments (the
/// project's rules ask for the first, the contract for the second: leaving them out makes this a lower bound). The
/// packed bodies stay one embedded resource. Whatever a generator that meets the contract does, a build with it costs
/// at least this much; the build goals are compared against it in the same run.
/// </summary>
internal static class FloorProject
{
    /// <summary>How every generated <c>[GeneratedCode]</c> line starts: the spelling the emitter and the analyzer share.</summary>
    private const string GeneratedCodeAttribute = "[" + Emit.GeneratorInfo.AttributeName + "(";

    /// <summary>
    /// Writes the floor of <paramref name="builtProject"/> (built in Release with <c>EmitCompilerGeneratedFiles</c>, whose
    /// sources are <c>Schemas.cs</c> and <c>Program.cs</c> and whose Markdown is under <c>content/</c>) into
    /// <paramref name="floor"/>, and builds it once.
    /// </summary>
    public static void Write(string builtProject, string floor)
    {
        var intermediate = Path.Combine(builtProject, "obj", "Release", "net10.0");
        var generated = Path.Combine(intermediate, "generated", "ArticleGen", "ArticleGen.ArticleCollectionGenerator");
        if (!Directory.Exists(generated))
        {
            throw new InvalidOperationException(builtProject + " was not built with EmitCompilerGeneratedFiles: " + generated + " is missing.");
        }

        CopyDirectory(Path.Combine(builtProject, "content"), Path.Combine(floor, "content"));
        File.Copy(Path.Combine(builtProject, "Schemas.cs"), Path.Combine(floor, "Schemas.cs"));
        File.Copy(Path.Combine(builtProject, "Program.cs"), Path.Combine(floor, "Program.cs"));
        File.Copy(Path.Combine(intermediate, "ArticleGen.bodies"), Path.Combine(floor, "ArticleGen.bodies"));

        var sources = Directory.CreateDirectory(Path.Combine(floor, "generated")).FullName;
        foreach (var file in Directory.EnumerateFiles(generated, "*.cs"))
        {
            // The emitter writes each attribute and each doc comment line on a line of its own.
            var lines = File.ReadLines(file).Where(line =>
            {
                var code = line.TrimStart();
                return !code.StartsWith("///", StringComparison.Ordinal) && !code.StartsWith(GeneratedCodeAttribute, StringComparison.Ordinal);
            });
            File.WriteAllLines(Path.Combine(sources, Path.GetFileName(file)), lines);
        }

        File.WriteAllText(Path.Combine(floor, Path.GetFileName(floor) + ".csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup><EmbeddedResource Include="ArticleGen.bodies" LogicalName="ArticleGen.Bodies" WithCulture="false" /></ItemGroup>
            </Project>
            """);
        ProcessBenchmarks.Run(floor, "dotnet", "build", "-c", "Release", "-nologo");
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
