namespace ArticleGen;

/// <summary>Names of the generator's pipeline steps, so tests can assert which steps re-ran after an edit.</summary>
internal static class TrackingNames
{
    public const string Collections = nameof(Collections);
    public const string MarkdownFiles = nameof(MarkdownFiles);
    public const string FileShapes = nameof(FileShapes);
    public const string Schemas = nameof(Schemas);
    public const string InferredSchemas = nameof(InferredSchemas);
    public const string Options = nameof(Options);
    public const string BoundArticles = nameof(BoundArticles);
    public const string LayoutKeys = nameof(LayoutKeys);
    public const string Layouts = nameof(Layouts);
    public const string ProjectFiles = nameof(ProjectFiles);
    public const string Catalogs = nameof(Catalogs);
    public const string CatalogFiles = nameof(CatalogFiles);
    public const string StoreFiles = nameof(StoreFiles);
    public const string ChunkFiles = nameof(ChunkFiles);
}
