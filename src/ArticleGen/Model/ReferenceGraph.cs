using System;
using System.Collections.Generic;
using System.Linq;
using ArticleGen.Binding;

namespace ArticleGen.Model;

/// <summary>The graph of references between entries: its cycles, and an order to build the entries in.</summary>
internal static class ReferenceGraph
{
    /// <summary>The cycle through <paramref name="start"/> within <paramref name="members"/>, by breadth-first search.</summary>
    internal static List<(ArticleNode Node, ReferenceValue Reference)> CyclePath(ArticleNode start, HashSet<ArticleNode> members)
    {
        var previous = new Dictionary<ArticleNode, (ArticleNode From, ReferenceValue Reference)>();
        var queue = new Queue<ArticleNode>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (reference, target, eager) in node.References)
            {
                if (!eager || !members.Contains(target))
                {
                    continue;
                }

                if (target == start)
                {
                    var path = new List<(ArticleNode, ReferenceValue)> { (node, reference) };
                    for (var at = node; at != start; at = previous[at].From)
                    {
                        path.Insert(0, (previous[at].From, previous[at].Reference));
                    }

                    return path;
                }

                if (!previous.ContainsKey(target))
                {
                    previous.Add(target, (node, reference));
                    queue.Enqueue(target);
                }
            }
        }

        return [];
    }

    /// <summary>Tarjan's strongly connected components over eager references, without recursion (chains can be long).</summary>
    internal static List<List<ArticleNode>> StronglyConnected(List<ArticleNode> nodes)
    {
        var index = new Dictionary<ArticleNode, int>();
        var low = new Dictionary<ArticleNode, int>();
        var onStack = new HashSet<ArticleNode>();
        var stack = new Stack<ArticleNode>();
        var components = new List<List<ArticleNode>>();
        var next = 0;

        foreach (var root in nodes)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(ArticleNode Node, int Edge)>();
            work.Push((root, 0));
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack.Add(root);
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                var eagerTargets = node.References.Where(r => r.Eager && r.Target.Included).Select(r => r.Target).ToList();
                if (edge < eagerTargets.Count)
                {
                    work.Push((node, edge + 1));
                    var target = eagerTargets[edge];
                    if (!index.ContainsKey(target))
                    {
                        index[target] = low[target] = next++;
                        stack.Push(target);
                        onStack.Add(target);
                        work.Push((target, 0));
                    }
                    else if (onStack.Contains(target))
                    {
                        low[node] = Math.Min(low[node], index[target]);
                    }

                    continue;
                }

                if (low[node] == index[node])
                {
                    var component = new List<ArticleNode>();
                    ArticleNode member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);

                    component.Sort((a, b) => Order(a, b));
                    components.Add(component);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }

        components.Sort((a, b) => Order(a[0], b[0]));
        return components;
    }

    private static int Order(ArticleNode a, ArticleNode b)
    {
        var byType = string.CompareOrdinal(a.Collection.Schema.TypeName, b.Collection.Schema.TypeName);
        return byType != 0 ? byType : string.CompareOrdinal(a.Article.RelativePath, b.Article.RelativePath);
    }

    /// <summary>Every entry, each after those its eager references name (depth-first post-order, in slot and index order).</summary>
    internal static List<EntryPosition> ConstructionOrder(List<CollectionNodes> group, Func<ArticleNode, EntryPosition> positionOf)
    {
        var order = new List<EntryPosition>();
        if (!group.Any(c => c.Nodes.Any(n => n.Included && n.References.Any(r => r.Eager))))
        {
            // Nothing must be built before anything else: entries in their collections' order.
            foreach (var node in group.SelectMany(c => c.Nodes).Where(n => n.Included))
            {
                order.Add(positionOf(node));
            }

            return order;
        }

        var done = new HashSet<ArticleNode>();
        foreach (var root in group.SelectMany(c => c.Nodes).Where(n => n.Included))
        {
            if (!done.Add(root))
            {
                continue;
            }

            var work = new Stack<(ArticleNode Node, int Edge)>();
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                var eager = node.References.Where(r => r.Eager).Select(r => r.Target).ToList();
                if (edge < eager.Count)
                {
                    work.Push((node, edge + 1));
                    if (done.Add(eager[edge]))
                    {
                        work.Push((eager[edge], 0));
                    }

                    continue;
                }

                order.Add(positionOf(node));
            }
        }

        return order;
    }
}
