using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/ArticleGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ArticleGen.Benchmarks.GeneratorBenchmarks).Assembly).Run(args);
