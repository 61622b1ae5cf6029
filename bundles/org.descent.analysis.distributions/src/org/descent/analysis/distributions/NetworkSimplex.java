package org.descent.analysis.distributions;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * The primal network simplex for the transportation problem: minimise {@code Σ C_ij P_ij} over
 * {@code P ≥ 0} with row sums {@code a} and column sums {@code b}, on the complete bipartite graph
 * of {@code n} sources and {@code m} sinks, uncapacitated. The spanning-tree bookkeeping (parent,
 * thread, reverse thread, subtree sizes, last successors) and the block-search pivot rule follow
 * Király and Kovács' network simplex in LEMON, the solver under POT's {@code emd}.
 * <p>
 * Arcs {@code e = i·m + j} are implicit (no source and target arrays); flows are kept only for
 * tree arcs (one per node, on its arc to its parent), so memory is the cost matrix plus
 * {@code O(n + m)}. An artificial arc joins every node to an extra root; its large cost drives all
 * flow onto real arcs.
 */
final class NetworkSimplex {

    private static final double EPSILON = 2.2204460492503131e-15;

    private final int n;
    private final int m;
    private final int nodes;
    private final int root;
    private final int arcs;
    private final double[] cost;
    private final double artCost;

    private final int[] parent;
    private final int[] pred;
    private final byte[] predDir;
    private final double[] predFlow;
    private final int[] thread;
    private final int[] revThread;
    private final int[] succNum;
    private final int[] lastSucc;
    private final double[] pi;
    private final boolean[] artUp;
    private final int[] dirtyRevs;

    private final int blockSize;
    private int nextArc;

    private int inArc;
    private int join;
    private int uIn;
    private int vIn;
    private int uOut;
    private double delta;
    private long pivots;

    /**
     * @param a source masses ({@code n}), b sink masses ({@code m}); both sum to the same total
     * @param cost row-major {@code n × m} costs, read, not copied
     */
    NetworkSimplex(double[] a, double[] b, double[] cost) {
        this.n = a.length;
        this.m = b.length;
        this.nodes = n + m;
        this.root = nodes;
        this.arcs = n * m;
        this.cost = cost;
        double max = 0;
        for (double c : cost) {
            max = Math.max(max, Math.abs(c));
        }
        this.artCost = (max + 1) * nodes;
        parent = new int[nodes + 1];
        pred = new int[nodes + 1];
        predDir = new byte[nodes + 1];
        predFlow = new double[nodes + 1];
        thread = new int[nodes + 1];
        revThread = new int[nodes + 1];
        succNum = new int[nodes + 1];
        lastSucc = new int[nodes + 1];
        pi = new double[nodes + 1];
        artUp = new boolean[nodes];
        dirtyRevs = new int[nodes + 1];
        blockSize = Math.max((int) Math.sqrt((double) arcs), 10);
        for (int u = 0; u < nodes; u++) {
            double supply = u < n ? a[u] : -b[u - n];
            parent[u] = root;
            pred[u] = arcs + u;
            thread[u] = u + 1;
            revThread[u + 1] = u;
            succNum[u] = 1;
            lastSucc[u] = u;
            if (supply >= 0) {
                artUp[u] = true;
                predDir[u] = 1;
                pi[u] = 0;
                predFlow[u] = supply;
            } else {
                predDir[u] = -1;
                pi[u] = artCost;
                predFlow[u] = -supply;
            }
        }
        parent[root] = -1;
        pred[root] = -1;
        thread[root] = 0;
        revThread[0] = root;
        succNum[root] = nodes + 1;
        lastSucc[root] = root - 1;
        pi[root] = 0;
    }

    private int source(int e) {
        if (e < arcs) {
            return e / m;
        }
        int u = e - arcs;
        return artUp[u] ? u : root;
    }

    private int target(int e) {
        if (e < arcs) {
            return n + e % m;
        }
        int u = e - arcs;
        return artUp[u] ? root : u;
    }

    private double arcCost(int e) {
        if (e < arcs) {
            return cost[e];
        }
        return artUp[e - arcs] ? 0 : artCost;
    }

    /** Runs to optimality; returns the number of pivots. */
    long solve(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
        initialPivots();
        while (findEnteringArc()) {
            pivot();
            if ((pivots & 0xFFF) == 0 && monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
        }
        return pivots;
    }

    /** The heuristic start of LEMON: for each sink, the cheapest arc into it enters first. */
    private void initialPivots() {
        for (int j = 0; j < m; j++) {
            int v = n + j;
            if (artUp[v]) {
                continue;
            }
            int best = -1;
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0, e = j; i < n; i++, e += m) {
                if (cost[e] < min) {
                    min = cost[e];
                    best = e;
                }
            }
            if (best >= 0 && cost[best] + pi[best / m] - pi[v] < 0) {
                inArc = best;
                pivot();
            }
        }
    }

    private void pivot() {
        findJoinNode();
        findLeavingArc();
        changeFlow();
        updateTreeStructure();
        updatePotential();
        pivots++;
    }

    /**
     * Block search: scans the arcs from where the last search stopped, in blocks of
     * {@code blockSize}, and takes the most negative reduced cost {@code C_ij + π_i − π_{n+j}} of
     * the first block that has one below {@code −ε·max(|C_ij|, |π_i|, |π_{n+j}|)}. Rows are
     * scanned as contiguous segments, comparing {@code C_ij − π_{n+j}} against a per-row threshold.
     */
    private boolean findEnteringArc() {
        double min = 0;
        int best = -1;
        int cnt = blockSize;
        int e = nextArc;
        for (int scanned = 0; scanned < arcs;) {
            int i = e / m;
            int j0 = e - i * m;
            int len = Math.min(m - j0, cnt);
            double pii = pi[i];
            double threshold = min - pii;
            int base = i * m;
            int bestJ = -1;
            for (int j = j0, end = j0 + len; j < end; j++) {
                double t = cost[base + j] - pi[n + j];
                if (t < threshold) {
                    threshold = t;
                    bestJ = j;
                }
            }
            if (bestJ >= 0) {
                min = threshold + pii;
                best = base + bestJ;
            }
            scanned += len;
            e += len;
            if (e == arcs) {
                e = 0;
            }
            cnt -= len;
            if (cnt == 0) {
                if (best >= 0 && min < -EPSILON * scale(best)) {
                    nextArc = e;
                    inArc = best;
                    return true;
                }
                cnt = blockSize;
            }
        }
        if (best >= 0 && min < -EPSILON * scale(best)) {
            nextArc = e;
            inArc = best;
            return true;
        }
        return false;
    }

    private double scale(int e) {
        return Math.max(Math.abs(cost[e]), Math.max(Math.abs(pi[e / m]), Math.abs(pi[n + e % m])));
    }

    private void findJoinNode() {
        int u = source(inArc);
        int v = target(inArc);
        while (u != v) {
            if (succNum[u] < succNum[v]) {
                u = parent[u];
            } else {
                v = parent[v];
            }
        }
        join = u;
    }

    /** The entering arc is at its lower bound: flow goes source → target, then around the cycle. */
    private void findLeavingArc() {
        int first = source(inArc);
        int second = target(inArc);
        delta = Double.POSITIVE_INFINITY;
        int result = 0;
        for (int u = first; u != join; u = parent[u]) {
            if (predDir[u] == 1 && predFlow[u] < delta) {
                delta = predFlow[u];
                uOut = u;
                result = 1;
            }
        }
        for (int u = second; u != join; u = parent[u]) {
            if (predDir[u] == -1 && predFlow[u] <= delta) {
                delta = predFlow[u];
                uOut = u;
                result = 2;
            }
        }
        if (result == 0) {
            throw new IllegalStateException("unbounded transport problem (a cycle of negative cost)");
        }
        if (result == 1) {
            uIn = first;
            vIn = second;
        } else {
            uIn = second;
            vIn = first;
        }
    }

    private void changeFlow() {
        if (delta > 0) {
            for (int u = source(inArc); u != join; u = parent[u]) {
                predFlow[u] -= predDir[u] * delta;
            }
            for (int u = target(inArc); u != join; u = parent[u]) {
                predFlow[u] += predDir[u] * delta;
            }
        }
    }

    private void updateTreeStructure() {
        int oldRevThread = revThread[uOut];
        int oldSuccNum = succNum[uOut];
        int oldLastSucc = lastSucc[uOut];
        int vOut = parent[uOut];

        int u = lastSucc[uIn];
        int right = thread[u];
        int last = oldRevThread == vIn ? thread[lastSucc[uOut]] : thread[vIn];

        int stem = uIn;
        int parStem = vIn;
        thread[vIn] = uIn;
        int dirty = 0;
        dirtyRevs[dirty++] = vIn;
        while (stem != uOut) {
            int newStem = parent[stem];
            thread[u] = newStem;
            dirtyRevs[dirty++] = u;
            int w = revThread[stem];
            thread[w] = right;
            revThread[right] = w;
            parent[stem] = parStem;
            parStem = stem;
            stem = newStem;
            u = lastSucc[stem] == lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
            right = thread[u];
        }
        parent[uOut] = parStem;
        thread[u] = last;
        revThread[last] = u;
        lastSucc[uOut] = u;
        if (oldRevThread != vIn) {
            thread[oldRevThread] = right;
            revThread[right] = oldRevThread;
        }
        for (int k = 0; k < dirty; k++) {
            int x = dirtyRevs[k];
            revThread[thread[x]] = x;
        }

        int tmpSc = 0;
        int tmpLs = lastSucc[uOut];
        for (u = uOut; u != uIn;) {
            int w = parent[u];
            pred[u] = pred[w];
            predDir[u] = (byte) -predDir[w];
            predFlow[u] = predFlow[w];
            tmpSc += succNum[u] - succNum[w];
            succNum[u] = tmpSc;
            lastSucc[w] = tmpLs;
            u = w;
        }
        pred[uIn] = inArc;
        predDir[uIn] = (byte) (uIn == source(inArc) ? 1 : -1);
        predFlow[uIn] = delta;
        succNum[uIn] = oldSuccNum;

        int upLimitIn = -1;
        int upLimitOut = -1;
        if (lastSucc[join] == vIn) {
            upLimitOut = join;
        } else {
            upLimitIn = join;
        }
        for (u = vIn; u != upLimitIn && lastSucc[u] == vIn; u = parent[u]) {
            lastSucc[u] = lastSucc[uOut];
        }
        if (join != oldRevThread && vIn != oldRevThread) {
            for (u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                lastSucc[u] = oldRevThread;
            }
        } else {
            for (u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                lastSucc[u] = lastSucc[uOut];
            }
        }
        for (u = vIn; u != join; u = parent[u]) {
            succNum[u] += oldSuccNum;
        }
        for (u = vOut; u != join; u = parent[u]) {
            succNum[u] -= oldSuccNum;
        }
    }

    private void updatePotential() {
        double c = arcCost(inArc);
        double sigma = predDir[uIn] == 1 ? pi[vIn] - pi[uIn] - c : pi[vIn] - pi[uIn] + c;
        int end = thread[lastSucc[uIn]];
        for (int u = uIn; u != end; u = thread[u]) {
            pi[u] += sigma;
        }
    }

    /**
     * The plan's tree arcs with positive mass as {@code (rows, cols, mass)} triplets, at most
     * {@code n + m − 1} of them.
     */
    Transport.SparsePlan plan() {
        int count = 0;
        for (int u = 0; u < nodes; u++) {
            if (pred[u] < arcs && predFlow[u] > 0) {
                count++;
            }
        }
        int[] rows = new int[count];
        int[] cols = new int[count];
        double[] mass = new double[count];
        int k = 0;
        for (int u = 0; u < nodes; u++) {
            int e = pred[u];
            if (e < arcs && predFlow[u] > 0) {
                rows[k] = e / m;
                cols[k] = e % m;
                mass[k] = predFlow[u];
                k++;
            }
        }
        return new Transport.SparsePlan(n, m, rows, cols, mass);
    }

    /**
     * Dual potentials {@code f} (sources) and {@code g} (sinks) with {@code f_i + g_j ≤ C_ij},
     * equal on the plan's support: {@code f_i = −π_i}, {@code g_j = π_{n+j}}.
     */
    double[][] duals() {
        double[] f = new double[n];
        double[] g = new double[m];
        for (int i = 0; i < n; i++) {
            f[i] = -pi[i];
        }
        for (int j = 0; j < m; j++) {
            g[j] = pi[n + j];
        }
        return new double[][] { f, g };
    }
}
