package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The draw chain in memory, for unit tests; it also lets a test tamper with rows the way an intruder in the database could. */
class InMemoryDrawStore implements DrawStore {

    private final Map<String, DrawRecord> records = new LinkedHashMap<>();
    private final Map<String, SeedState> seeds = new LinkedHashMap<>();
    private ChainHead head = ChainHead.EMPTY;
    int headLocks;

    @Override
    public ChainHead lockHead() {
        headLocks++;
        return head;
    }

    /** How many more tries find the head held by another transaction. */
    int headBusyFor;

    @Override
    public java.util.Optional<ChainHead> tryLockHead() {
        if (headBusyFor > 0) {
            headBusyFor--;
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(lockHead());
    }

    @Override
    public ChainHead head() {
        return head;
    }

    @Override
    public void insert(DrawRecord record) {
        if (records.values().stream().anyMatch(r -> r.seq() == record.seq()) || records.containsKey(record.id())) {
            throw new IllegalStateException("duplicate seq or id");
        }
        records.put(record.id(), record);
    }

    @Override
    public void moveHead(ChainHead from, ChainHead to) {
        if (!head.equals(from)) {
            throw new IllegalStateException("head moved");
        }
        head = to;
    }

    @Override
    public void insertSecret(String drawId, String secretHex) {
        seeds.put(drawId, new SeedState(secretHex, null));
    }

    @Override
    public Map<String, String> allSecrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        seeds.forEach((id, seed) -> secrets.put(id, seed.seedHex()));
        return secrets;
    }

    @Override
    public Optional<DrawRecord> find(String drawId) {
        return Optional.ofNullable(records.get(drawId));
    }

    @Override
    public Optional<SeedState> seedOf(String drawId) {
        return Optional.ofNullable(seeds.get(drawId));
    }

    @Override
    public List<DrawRecord> forTender(String tenderId) {
        return all().stream().filter(record -> tenderId.equals(record.tenderId())).toList();
    }

    @Override
    public List<DrawRecord> all() {
        List<DrawRecord> all = new ArrayList<>(records.values());
        all.sort(Comparator.comparingLong(DrawRecord::seq));
        return all;
    }

    @Override
    public int reveal(String tenderId, Instant revealedAt) {
        int count = 0;
        for (DrawRecord record : records.values()) {
            SeedState seed = seeds.get(record.id());
            if (record.tenderId().equals(tenderId) && seed != null && !seed.revealed()) {
                seeds.put(record.id(), new SeedState(seed.seedHex(), revealedAt));
                count++;
            }
        }
        return count;
    }

    /** What an UPDATE in the database would do: the row changes, nothing recomputes its hashes. */
    void tamper(long seq, UnaryOperator<DrawRecord> change) {
        DrawRecord record = bySeq(seq);
        records.put(record.id(), change.apply(record));
    }

    /** An UPDATE of the secret kept apart, or with null its DELETE. */
    void tamperSecret(long seq, String secretHex) {
        String id = bySeq(seq).id();
        if (secretHex == null) {
            seeds.remove(id);
        } else {
            seeds.put(id, new SeedState(secretHex, seeds.get(id).revealedAt()));
        }
    }

    /** What a DELETE in the database would do. */
    void delete(long seq) {
        records.remove(bySeq(seq).id());
    }

    /** An INSERT around the appender: a well-formed record the head never heard of. */
    void insertBehindTheHeadsBack(DrawRecord record) {
        records.put(record.id(), record);
    }

    DrawRecord bySeq(long seq) {
        return records.values().stream().filter(r -> r.seq() == seq).findFirst().orElseThrow();
    }
}
