package cn.hlj.remoteeval.draw.internal;

/** The end of the draw chain as {@code draw_chain_head} records it: the last sequence number and its record hash. */
record ChainHead(long lastSeq, String lastHash) {

    static final ChainHead EMPTY = new ChainHead(0, DrawRecord.GENESIS_HASH);
}
