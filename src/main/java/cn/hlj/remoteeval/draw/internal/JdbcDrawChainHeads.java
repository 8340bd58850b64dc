package cn.hlj.remoteeval.draw.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.draw.DrawChainHeads;

/**
 * Unlocked reads: a head read while a draw appends is the head before or after it, both true; and a
 * record's hash never changes once written, so a publisher never needs to make draws wait.
 */
@Component
class JdbcDrawChainHeads implements DrawChainHeads {

    private final DrawStore store;
    private final JdbcClient jdbc;

    JdbcDrawChainHeads(DrawStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public Head head() {
        ChainHead head = store.head();
        return new Head(head.lastSeq(), head.lastHash());
    }

    @Override
    public Optional<String> recordHashAt(long seq) {
        return jdbc.sql("SELECT record_hash FROM draw_record WHERE seq = ?").param(seq).query(String.class).optional();
    }
}
