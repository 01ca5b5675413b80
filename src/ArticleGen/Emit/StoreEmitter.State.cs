using System.Linq;
using ArticleGen.Model;

namespace ArticleGen.Emit;

/// <summary>What a store keeps of what it has read, and how hot reload replaces it (docs/live-editing.md).</summary>
internal static partial class StoreEmitter
{
    /// <summary>
    /// What the store has read so far, in one object: hot reload can replace the code that holds the data but not what a
    /// static field already holds. Where the runtime can apply updates (<c>MetadataUpdater.IsSupported</c>), the state is
    /// behind a field that <c>ClearCache</c> (called by the runtime after every update, through the assembly's
    /// <c>MetadataUpdateHandler</c>) empties, and the next use reads the new data; elsewhere it is a static readonly field.
    /// </summary>
    private static void WriteState(SourceWriter writer, StoreFile store)
    {
        writer.Line("/// <summary>What the store has read: the entries, per chunk whether it is read and its lock, and (under hot reload) the directories.</summary>");
        writer.OpenBlock("internal sealed class State");
        var parameters = string.Join(", ", Enumerable.Range(0, store.Schemas.Count).Select(slot => store.Schemas[slot].TypeName + "?[] items" + CSharpText.Int(slot)));
        writer.OpenBlock("internal State(int generation, " + parameters + ")");
        writer.Line("Generation = generation;");
        for (var slot = 0; slot < store.Schemas.Count; slot++)
        {
            var s = CSharpText.Int(slot);
            writer.Line("Items" + s + " = items" + s + ";");
            writer.Line("All" + s + " = new EntryList<" + store.Schemas[slot].TypeName + ">(this, " + s + ", items" + s + ".Length);");
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>How many hot reload updates the store had seen when this state was made.</summary>");
        writer.Line("internal readonly int Generation;");
        writer.Line("internal readonly object[] Locks = NewLocks();");
        writer.Line("internal readonly bool[] Loaded = new bool[ChunkCount];");
        for (var slot = 0; slot < store.Schemas.Count; slot++)
        {
            var type = store.Schemas[slot].TypeName;
            var s = CSharpText.Int(slot);
            writer.Line("internal readonly " + type + "?[] Items" + s + ";");
            writer.Line("internal readonly EntryList<" + type + "> All" + s + ";");
            if (store.Owner.HasMetadataUpdateHandler)
            {
                writer.Line("internal int[]? Chunks" + s + ";");
                writer.Line("internal global::System.Collections.Generic.Dictionary<string, int>? Slugs" + s + ";");
                if (store.ByPathHash)
                {
                    writer.Line("internal int[][]? Members" + s + ";");
                }
            }
        }

        writer.CloseBlock();
        writer.Line();
        string NewItems(int slot) => "new " + store.Schemas[slot].TypeName + "?[Count" + CSharpText.Int(slot) + "]";
        writer.Line("/// <summary>The state outside hot reload, created on first use: static readonly fields, which the JIT reads as constants.</summary>");
        writer.OpenBlock("private static class Fixed");
        for (var slot = 0; slot < store.Schemas.Count; slot++)
        {
            writer.Line("internal static readonly " + store.Schemas[slot].TypeName + "?[] Items" + CSharpText.Int(slot) + " = " + NewItems(slot) + ";");
        }

        writer.Line("internal static readonly State State = new State(0, " + string.Join(", ", Enumerable.Range(0, store.Schemas.Count).Select(slot => "Items" + CSharpText.Int(slot))) + ");");
        writer.CloseBlock();
        if (store.Owner.HasMetadataUpdateHandler)
        {
            writer.Line();
            writer.Line("private static State? _state;");
            writer.Line();
            writer.Line("private static int _generation;");
            writer.Line();
            writer.Line("/// <summary>Where hot reload can update the assembly: the state that <see cref=\"ClearCache\"/> drops.</summary>");
            writer.OpenBlock("private static State Replaceable");
            writer.OpenBlock("get");
            writer.Line("var state = global::System.Threading.Volatile.Read(ref _state);");
            writer.Line("return state is not null && state.Generation == global::System.Threading.Volatile.Read(ref _generation) ? state : NewReplaceable();");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// A state made after the last update: one made with the old counts by a thread that an update overtook is not kept,");
            writer.Line("/// whichever thread publishes first.");
            writer.Line("/// </summary>");
            writer.OpenBlock("private static State NewReplaceable()");
            writer.OpenBlock("while (true)");
            writer.Line("var generation = global::System.Threading.Volatile.Read(ref _generation);");
            writer.Line("var state = global::System.Threading.Volatile.Read(ref _state);");
            writer.OpenBlock("if (state is not null && state.Generation == generation)");
            writer.Line("return state;");
            writer.CloseBlock();
            writer.Line();
            writer.Line("var made = new State(generation, " + string.Join(", ", Enumerable.Range(0, store.Schemas.Count).Select(NewItems)) + ");");
            writer.OpenBlock("if (global::System.Threading.Interlocked.CompareExchange(ref _state, made, state) == state && global::System.Threading.Volatile.Read(ref _generation) == generation)");
            writer.Line("return made;");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.CloseBlock();
            writer.Line();
            writer.Line("/// <summary>Drops everything read: called by the runtime after a hot reload update (see the assembly's MetadataUpdateHandler).</summary>");
            writer.OpenBlock("internal static void ClearCache(global::System.Type[]? updatedTypes)");
            writer.Line("global::System.Threading.Interlocked.Increment(ref _generation);");
            writer.Line("global::System.Threading.Volatile.Write(ref _state, null);");
            writer.OpenBlock("lock (_bodyLock)");
            writer.Line("_bodyIndex = null;");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.Line();
            writer.Line("/// <summary>Sets <paramref name=\"field\"/> to <paramref name=\"value\"/> unless another thread did first; returns what it holds.</summary>");
            writer.Line("private static T Publish<T>(ref T? field, T value) where T : class => global::System.Threading.Interlocked.CompareExchange(ref field, value, null) ?? value;");
        }
    }
}
