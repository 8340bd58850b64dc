package cn.hlj.remoteeval.draw.internal;

import java.util.SortedMap;

/**
 * A draw whose notice is in the chain and committed: the notice record, its server seed and the entropy
 * each source planned. The draw reads its eligible list next, then derives its seed
 * ({@link DrawNotices#seedAfterSnapshot}).
 */
record Noticed(DrawRecord notice, DrawSeed serverSeed, SortedMap<String, SortedMap<String, String>> plans) {

    @Override
    public String toString() {
        return "Noticed[notice=" + notice.id() + ", seq=" + notice.seq() + "]";
    }
}
