package cn.hlj.remoteeval.draw.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.web.ApiProblemException;

/** Reading draw records, their seeds once revealed, and checking the chain. */
@Service
class DrawRecords {

    private final DrawStore store;
    private final DrawVerifier verifier;
    private final EntropySources sources;

    DrawRecords(DrawStore store, DrawVerifier verifier, EntropySources sources) {
        this.store = store;
        this.verifier = verifier;
        this.sources = sources;
    }

    @Transactional(readOnly = true)
    Optional<DrawRecord> find(String drawId) {
        return store.find(drawId);
    }

    @Transactional(readOnly = true)
    SeedState seedOf(String drawId) {
        return store.seedOf(drawId).orElse(new SeedState(null, null));
    }

    /** Recomputes a revealed draw; a draw still secret answers 409. */
    @Transactional(readOnly = true)
    DrawVerification verify(DrawRecord record) {
        SeedState seed = seedOf(record.id());
        if (!seed.revealed()) {
            throw notRevealed();
        }
        return verifier.verify(record, seed.seedHex());
    }

    /**
     * Walks the whole chain under the head's lock: appends wait meanwhile, so the records read
     * and the head read belong together and a concurrent append is never mistaken for a fault.
     */
    @Transactional
    ChainVerification verifyChain() {
        ChainHead head = store.lockHead();
        return ChainVerifier.verify(store.all(), store.allSecrets(), head, sources);
    }

    static ApiProblemException notRevealed() {
        return new ApiProblemException(HttpStatus.CONFLICT, "随机种子尚未公开",
                "评标结束前不公开随机种子，评标结束后方可复核该抽取结果。", List.of());
    }

    static ApiProblemException notFound(String drawId) {
        return ApiProblemException.notFound("抽取记录不存在：" + drawId);
    }
}
