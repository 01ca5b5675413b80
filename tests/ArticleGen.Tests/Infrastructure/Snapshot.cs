using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace ArticleGen.Tests.Infrastructure;

/// <summary>
/// Snapshot testing with Verify's conventions, for a library Verify is not available to: the accepted text is
/// <c>{Class}.{Method}.verified.cs</c> beside the test file; a mismatch writes <c>{Class}.{Method}.received.cs</c>
/// next to it and fails. Set <c>ARTICLEGEN_ACCEPT_SNAPSHOTS=1</c> to accept every received text (as Verify's
/// auto-verify does), or copy a received file over its verified twin. Moving to Verify later means replacing
/// <see cref="Match"/> with <c>Verify(text, "cs")</c>.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "ARTICLEGEN_ACCEPT_SNAPSHOTS";

    public static void Match(string actual, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "", string? suffix = null)
    {
        var directory = Path.GetDirectoryName(testFile)!;
        var name = Path.GetFileNameWithoutExtension(testFile) + "." + testName + (suffix is null ? "" : "." + suffix);
        var verifiedPath = Path.Combine(directory, name + ".verified.cs");
        var receivedPath = Path.Combine(directory, name + ".received.cs");
        actual = actual.ReplaceLineEndings("\n");

        if (File.Exists(verifiedPath) && File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : null;
        throw new XunitException(
            (verified is null ? $"No accepted snapshot {verifiedPath}." : $"The generated text differs from {verifiedPath}{FirstDifference(verified, actual)}.")
            + $"\nReceived: {receivedPath}\nTo accept it, copy it over the verified file or run the tests with {AcceptVariable}=1.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end)";
            var a = i < actualLines.Length ? actualLines[i] : "(end)";
            if (e != a)
            {
                return $" at line {i + 1}:\n  verified: {e}\n  received: {a}";
            }
        }

        return "";
    }
}
