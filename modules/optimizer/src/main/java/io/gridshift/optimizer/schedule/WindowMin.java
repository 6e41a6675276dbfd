package io.gridshift.optimizer.schedule;

/**
 * For one run length {@code d}: every site's cost of a run starting at each slot, and a sparse
 * table that answers "cheapest start in [from, latest]" in constant time, so that evaluating a job
 * at a site does not scan its window.
 */
final class WindowMin {
    private final double[][] window;
    private final int[][][] table;
    private final int[] log;

    WindowMin(OptionCosts oc, int sites, int slots, int d) {
        int n = slots - d + 1;
        window = new double[sites][n];
        log = new int[n + 1];
        for (int i = 2; i <= n; i++) {
            log[i] = log[i / 2] + 1;
        }
        int levels = log[n] + 1;
        table = new int[sites][levels][];
        for (int s = 0; s < sites; s++) {
            double[] pre = oc.prefix[s];
            double[] w = window[s];
            int[] base = new int[n];
            for (int st = 0; st < n; st++) {
                w[st] = pre[st + d] - pre[st];
                base[st] = st;
            }
            table[s][0] = base;
            for (int k = 1; k < levels; k++) {
                int[] prev = table[s][k - 1];
                int half = 1 << (k - 1);
                int[] cur = new int[n - (1 << k) + 1];
                for (int i = 0; i < cur.length; i++) {
                    int a = prev[i];
                    int b = prev[i + half];
                    cur[i] = w[b] < w[a] ? b : a;
                }
                table[s][k] = cur;
            }
        }
    }

    /** Cheapest start in [from, latest] at site s. */
    int argmin(int s, int from, int latest) {
        int k = log[latest - from + 1];
        int a = table[s][k][from];
        int b = table[s][k][latest - (1 << k) + 1];
        return window[s][b] < window[s][a] ? b : a;
    }

    double cost(int s, int start) {
        return window[s][start];
    }
}
