using System;
using ArticleGen.Common;

namespace ArticleGen.Schema;

/// <summary>
/// The collections an article is bound to, each with its glob read once: the binder matches every article against
/// every collection, and reading the globs again for each (ten thousand articles, eight collections) was a sixth of
/// what a cold run allocated. Equal by the schemas alone, from which the globs follow.
/// </summary>
internal sealed class CollectionSet : IEquatable<CollectionSet>
{
    private readonly Glob?[] _globs;

    public CollectionSet(EquatableArray<CollectionSchema> schemas)
    {
        Schemas = schemas;
        _globs = new Glob?[schemas.Count];
        for (var i = 0; i < _globs.Length; i++)
        {
            _globs[i] = Glob.TryParse(schemas[i].Glob, out _);
        }
    }

    public EquatableArray<CollectionSchema> Schemas { get; }

    /// <summary>The glob of the schema at <paramref name="index"/>, read; null when it is not a glob (ART011 on the declaration).</summary>
    public Glob? GlobAt(int index) => _globs[index];

    /// <summary>The first schema whose glob matches <paramref name="relativePath"/> among those <paramref name="include"/> accepts, or null.</summary>
    public CollectionSchema? FirstMatching(string relativePath, Func<CollectionSchema, bool> include)
    {
        for (var i = 0; i < _globs.Length; i++)
        {
            if (include(Schemas[i]) && _globs[i] is { } glob && glob.IsMatch(relativePath))
            {
                return Schemas[i];
            }
        }

        return null;
    }

    public bool Equals(CollectionSet? other) => other is not null && Schemas.Equals(other.Schemas);

    public override bool Equals(object? obj) => Equals(obj as CollectionSet);

    public override int GetHashCode() => Schemas.GetHashCode();
}
