package cn.hlj.remoteeval.draw.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Picks k of m candidates uniformly at random without replacement, in order, by a partial
 * Fisher–Yates shuffle driven by the draw's stream: with {@code a} the candidates in canonical
 * order, for {@code i = 0 .. k-1}: {@code j = i + nextInt(m - i)}, swap {@code a[i]} and
 * {@code a[j]}; the picks are {@code a[0] .. a[k-1]} in that order. Every ordered k-tuple of
 * distinct candidates is equally likely.
 */
final class UniformPick {

    private UniformPick() {
    }

    static <T> List<T> pick(List<T> candidatesInCanonicalOrder, int k, RandomStream stream) {
        int m = candidatesInCanonicalOrder.size();
        if (k < 0 || k > m) {
            throw new IllegalArgumentException("cannot pick " + k + " of " + m);
        }
        List<T> a = new ArrayList<>(candidatesInCanonicalOrder);
        for (int i = 0; i < k; i++) {
            int j = i + stream.nextInt(m - i);
            Collections.swap(a, i, j);
        }
        return List.copyOf(a.subList(0, k));
    }
}
