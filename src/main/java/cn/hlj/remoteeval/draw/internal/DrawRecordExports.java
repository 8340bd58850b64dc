package cn.hlj.remoteeval.draw.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import cn.hlj.remoteeval.draw.DrawRecordSigner;
import cn.hlj.remoteeval.draw.beacon.DrandChain;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * Revealed draw records as signed, self-contained documents for the standalone verifier ({@link DrawRecordExport}):
 * a random draw of seed derivation v2 with its notice and the chain of each beacon its entropy names
 * ({@value DrawRecordExport#FORMAT_V2}), any other record as before ({@value DrawRecordExport#FORMAT_V1}).
 */
@Service
class DrawRecordExports {

    private final DrawRecords records;
    private final ObjectProvider<DrawRecordSigner> signer;
    private final EntropySources sources;
    private final Clock clock;

    DrawRecordExports(DrawRecords records, ObjectProvider<DrawRecordSigner> signer, EntropySources sources, Clock clock) {
        this.records = records;
        this.signer = signer;
        this.sources = sources;
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
        DrawRecord notice = record.noticed() ? records.find(record.noticeId()).orElseThrow(() -> cannotExport(
                "该抽取记录所指的抽取公告不在本系统中")) : null;
        Map<String, Object> unsigned = DrawRecordExport.unsigned(record, notice, record.noticed() ? beacons(record) : null,
                seed.seedHex(), seed.revealedAt(), clock.instant(), province.province(), publicKey);
        byte[] signature = province.sign(DrawRecordExport.signedBytes(unsigned));
        return ExportJson.pretty(DrawRecordExport.signed(unsigned, signature)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The chain of each beacon the record's entropy names, as this server knows it; each must be the one recorded. A
     * supervisor's contribution needs none: it is checked against its commitment alone.
     */
    private SortedMap<String, DrandChain> beacons(DrawRecord record) {
        SortedMap<String, DrandChain> beacons = new TreeMap<>();
        NoticeText.contributions(record.entropy()).forEach((id, contribution) -> {
            if (id.equals(SupervisorContributionCheck.ID)) {
                return;
            }
            DrandChain chain = sources.source(id).filter(BeaconEntropy.class::isInstance).map(BeaconEntropy.class::cast)
                    .map(BeaconEntropy::chain).filter(known -> known.chainHash().equals(contribution.get("chain")))
                    .orElseThrow(() -> cannotExport("本系统没有该抽取记录所用随机信标 " + id + " 的链信息（公钥）"));
            beacons.put(id, chain);
        });
        return beacons;
    }

    private static ApiProblemException cannotExport(String reason) {
        return ApiProblemException.conflict(reason + "，无法导出可独立校验的抽取记录。", null, null);
    }
}
