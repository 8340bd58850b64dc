package cn.hlj.remoteeval.draw.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import cn.hlj.remoteeval.draw.DrawRecordSigner;
import cn.hlj.remoteeval.web.ApiProblemException;

/** Revealed draw records as signed, self-contained documents for the standalone verifier ({@link DrawRecordExport}). */
@Service
class DrawRecordExports {

    private final DrawRecords records;
    private final ObjectProvider<DrawRecordSigner> signer;
    private final Clock clock;

    DrawRecordExports(DrawRecords records, ObjectProvider<DrawRecordSigner> signer, Clock clock) {
        this.records = records;
        this.signer = signer;
        this.clock = clock;
    }

    /** The signed document as UTF-8 JSON; a draw still secret answers 409, as does a province without a key. */
    byte[] export(DrawRecord record) {
        SeedState seed = records.seedOf(record.id());
        if (!seed.revealed()) {
            throw DrawRecords.notRevealed();
        }
        DrawRecordSigner province = signer.getIfAvailable();
        String publicKey = province == null ? null : province.publicKey().orElse(null);
        if (publicKey == null) {
            throw ApiProblemException.conflict("本省尚未配置签名密钥（remote-eval.exchange.private-key），无法导出签名的抽取记录。",
                    null, null);
        }
        Map<String, Object> unsigned = DrawRecordExport.unsigned(record, seed.seedHex(), seed.revealedAt(), clock.instant(),
                province.province(), publicKey);
        byte[] signature = province.sign(DrawRecordExport.signedBytes(unsigned));
        return ExportJson.pretty(DrawRecordExport.signed(unsigned, signature)).getBytes(StandardCharsets.UTF_8);
    }
}
