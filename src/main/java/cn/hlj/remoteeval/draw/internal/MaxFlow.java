package cn.hlj.remoteeval.draw.internal;

import java.util.Arrays;

/**
 * A maximum flow on a small graph of integer capacities (Edmonds–Karp: shortest augmenting paths
 * by breadth-first search). The expert draw builds one per feasibility question; its graphs have a
 * few dozen nodes and a flow of at most the committee size, so simplicity wins over speed.
 */
final class MaxFlow {

    static final int UNBOUNDED = Integer.MAX_VALUE / 2;

    private final int nodes;
    private int[] head;
    private int[] next = new int[64];
    private int[] to = new int[64];
    private int[] capacity = new int[64];
    private int edges;

    MaxFlow(int nodes) {
        this.nodes = nodes;
        this.head = new int[nodes];
        Arrays.fill(head, -1);
    }

    void addEdge(int from, int toNode, int cap) {
        if (cap <= 0) {
            return;
        }
        add(from, toNode, cap);
        add(toNode, from, 0);
    }

    private void add(int from, int toNode, int cap) {
        if (edges == to.length) {
            next = Arrays.copyOf(next, 2 * edges);
            to = Arrays.copyOf(to, 2 * edges);
            capacity = Arrays.copyOf(capacity, 2 * edges);
        }
        to[edges] = toNode;
        capacity[edges] = cap;
        next[edges] = head[from];
        head[from] = edges++;
    }

    /** The maximum flow from source to sink, or {@code limit} as soon as that much is reached. */
    int maxFlow(int source, int sink, int limit) {
        int flow = 0;
        int[] viaEdge = new int[nodes];
        int[] queue = new int[nodes];
        while (flow < limit) {
            Arrays.fill(viaEdge, -1);
            int read = 0;
            int write = 0;
            queue[write++] = source;
            boolean reached = false;
            while (read < write && !reached) {
                int node = queue[read++];
                for (int e = head[node]; e >= 0; e = next[e]) {
                    int target = to[e];
                    if (capacity[e] > 0 && target != source && viaEdge[target] < 0) {
                        viaEdge[target] = e;
                        if (target == sink) {
                            reached = true;
                            break;
                        }
                        queue[write++] = target;
                    }
                }
            }
            if (!reached) {
                return flow;
            }
            int bottleneck = limit - flow;
            for (int node = sink; node != source; node = to[viaEdge[node] ^ 1]) {
                bottleneck = Math.min(bottleneck, capacity[viaEdge[node]]);
            }
            for (int node = sink; node != source; node = to[viaEdge[node] ^ 1]) {
                capacity[viaEdge[node]] -= bottleneck;
                capacity[viaEdge[node] ^ 1] += bottleneck;
            }
            flow += bottleneck;
        }
        return flow;
    }
}
