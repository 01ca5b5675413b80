using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace ArticleGen.Model;

/// <summary>Compares by reference: two equal-looking values in two places are two references to resolve.</summary>
internal sealed class ReferenceIdentity<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceIdentity<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
