using System;
using ArticleGen.Common;

namespace ArticleGen.Diagnostics;

/// <summary>
/// Turns an exception of ArticleGen's own into ART016, an error: a generator's exception would only be the
/// warning CS8785 (an analyzer's, AD0001), and the build would succeed with a catalog missing.
/// </summary>
internal static class InternalErrors
{
    public static DiagnosticInfo At(LocationInfo? location, string activity, Exception exception) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, activity, exception.GetType().Name + ": " + MessageText.Shorten(exception.Message, 300));
}
