package cn.hlj.remoteeval.draw.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.beacon.DrandChain;

/**
 * The export formats of a revealed draw record: self-contained, signed JSON documents from which anyone can
 * recompute the draw. {@value #FORMAT_V1} (src/docs/algorithms/record-export-v1.md) carries a record without a
 * notice; {@value #FORMAT_V2} (record-export-v2.md) a random draw of seed derivation v2. Members:
 * {@code format}; {@code record} with the record's fields (v2: also {@code noticeId}, {@code noticeHash},
 * {@code entropy}, {@code snapshotAt}); v2 only: {@code notice}, the notice record's fields, and {@code beacons},
 * the chain of each beacon source the entropy names; {@code seed} (the revealed secret, hex; in v2 also the
 * notice's); {@code revealedAt}; {@code exportedAt}; {@code signer} ({@code province}, {@code algorithm},
 * {@code publicKey}, {@code fingerprint}); {@code signature}, the SM2 signature (DER, hex) of the
 * {@link ExportJson#canonical canonical form} of the document without its {@code signature} member.
 * Members a version does not know are kept, signed and reported, never a reason to refuse.
 */
final class DrawRecordExport {

    static final String FORMAT_V1 = "remote-eval/draw-record-export/v1";
    static final String FORMAT_V2 = "remote-eval/draw-record-export/v2";
    static final String SIGNATURE_ALGORITHM = "SM2-SM3";

    private static final Set<String> TOP = Set.of("format", "record", "seed", "revealedAt", "exportedAt", "signer",
            "signature");
    private static final Set<String> TOP_V2 = union(TOP, "notice", "beacons");
    private static final Set<String> RECORD = Set.of("id", "seq", "kind", "tenderId", "algorithm", "seedCommitment",
            "eligibleList", "eligibleListHash", "request", "result", "actor", "createdAt", "previousHash", "recordHash");
    private static final Set<String> RECORD_V2 = union(RECORD, "noticeId", "noticeHash", "entropy", "snapshotAt");
    private static final Set<String> SIGNER = Set.of("province", "algorithm", "publicKey", "fingerprint");
    private static final Set<String> BEACON = Set.of("chainHash", "publicKey", "genesisTime", "periodSeconds", "scheme");

    private DrawRecordExport() {
    }

    /**
     * An export as read: the record, its secret, the signer and the signature, and the members not read. For
     * {@value #FORMAT_V2} also the notice the record names and the beacon chains by source id; null for v1.
     */
    record Export(String format, DrawRecord record, String seedHex, Instant revealedAt, Instant exportedAt,
            String province, String signatureAlgorithm, String publicKey, String fingerprint, String signature,
            byte[] signedBytes, List<String> unknownMembers, DrawRecord notice, SortedMap<String, DrandChain> beacons) {
    }

    /** The {@value #FORMAT_V1} document of a record without a notice, without its signature. */
    static Map<String, Object> unsigned(DrawRecord record, String seedHex, Instant revealedAt, Instant exportedAt,
            String province, String publicKey) {
        return unsigned(record, null, null, seedHex, revealedAt, exportedAt, province, publicKey);
    }

    /**
     * The document without its signature, members in the order they are shown: {@value #FORMAT_V2} when
     * {@code notice} is given (with the chain of each beacon source of the record's entropy), else
     * {@value #FORMAT_V1}.
     */
    static Map<String, Object> unsigned(DrawRecord record, DrawRecord notice, SortedMap<String, DrandChain> beacons,
            String seedHex, Instant revealedAt, Instant exportedAt, String province, String publicKey) {
        boolean v2 = notice != null;
        if (v2 != record.noticed() || v2 == (beacons == null)) {
            throw new IllegalArgumentException("a noticed record is exported with its notice and beacons, any other without");
        }
        Map<String, Object> fields = fields(record);
        if (v2) {
            fields.put("noticeId", record.noticeId());
            fields.put("noticeHash", record.noticeHash());
            fields.put("entropy", record.entropy());
            fields.put("snapshotAt", instant(record.snapshotAt()));
        }
        Map<String, Object> signer = new LinkedHashMap<>();
        signer.put("province", province);
        signer.put("algorithm", SIGNATURE_ALGORITHM);
        signer.put("publicKey", publicKey);
        signer.put("fingerprint", ExportSignatures.fingerprint(publicKey));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", v2 ? FORMAT_V2 : FORMAT_V1);
        document.put("record", fields);
        if (v2) {
            document.put("notice", fields(notice));
            Map<String, Object> chains = new LinkedHashMap<>();
            beacons.forEach((source, chain) -> {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("chainHash", chain.chainHash());
                info.put("publicKey", chain.publicKey());
                info.put("genesisTime", chain.genesisTime());
                info.put("periodSeconds", chain.periodSeconds());
                info.put("scheme", chain.scheme());
                chains.put(source, info);
            });
            document.put("beacons", chains);
        }
        document.put("seed", seedHex);
        document.put("revealedAt", instant(revealedAt));
        document.put("exportedAt", instant(exportedAt));
        document.put("signer", signer);
        return document;
    }

    private static Map<String, Object> fields(DrawRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", record.id());
        fields.put("seq", record.seq());
        fields.put("kind", record.kind().name());
        fields.put("tenderId", record.tenderId());
        fields.put("algorithm", record.algorithm());
        fields.put("seedCommitment", record.seedCommitment());
        fields.put("eligibleList", record.eligibleList());
        fields.put("eligibleListHash", record.eligibleListHash());
        fields.put("request", record.request());
        fields.put("result", record.result());
        fields.put("actor", record.actor());
        fields.put("createdAt", instant(record.createdAt()));
        fields.put("previousHash", record.previousHash());
        fields.put("recordHash", record.recordHash());
        return fields;
    }

    /** The document with its signature (lower-case hex) as the last member. */
    static Map<String, Object> signed(Map<String, Object> unsigned, byte[] signature) {
        Map<String, Object> document = new LinkedHashMap<>(unsigned);
        document.put("signature", Hashes.hex(signature));
        return document;
    }

    /** What is signed: the UTF-8 bytes of the canonical form of the document without its {@code signature} member. */
    static byte[] signedBytes(Map<String, ?> document) {
        Map<String, Object> unsigned = new LinkedHashMap<>(document);
        unsigned.remove("signature");
        return ExportJson.canonical(unsigned).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a parsed document of either format; {@link IllegalArgumentException} when the format is neither, or a
     * member is missing or of the wrong type.
     */
    static Export read(Object parsed) {
        Map<String, Object> document = object(parsed, "the document");
        String format = string(document, "format", false);
        if (!FORMAT_V1.equals(format) && !FORMAT_V2.equals(format)) {
            throw new IllegalArgumentException("format " + format + " is neither " + FORMAT_V1 + " nor " + FORMAT_V2);
        }
        boolean v2 = FORMAT_V2.equals(format);
        Map<String, Object> fields = object(required(document, "record"), "record");
        Map<String, Object> signer = object(required(document, "signer"), "signer");
        List<String> unknown = new ArrayList<>();
        unknown(document, v2 ? TOP_V2 : TOP, "", unknown);
        unknown(fields, v2 ? RECORD_V2 : RECORD, "record.", unknown);
        unknown(signer, SIGNER, "signer.", unknown);
        DrawRecord record = record(fields, "record.");
        DrawRecord notice = null;
        SortedMap<String, DrandChain> beacons = null;
        if (v2) {
            record = new DrawRecord(record.id(), record.seq(), record.kind(), record.tenderId(), record.algorithm(),
                    record.seedCommitment(), record.eligibleList(), record.eligibleListHash(), record.request(),
                    record.result(), record.actor(), record.createdAt(), record.previousHash(), record.recordHash(),
                    string(fields, "noticeId", false), string(fields, "noticeHash", false),
                    string(fields, "entropy", false), instant(fields, "snapshotAt"));
            Map<String, Object> noticeFields = object(required(document, "notice"), "notice");
            unknown(noticeFields, RECORD, "notice.", unknown);
            notice = record(noticeFields, "notice.");
            beacons = new TreeMap<>();
            for (Map.Entry<String, Object> beacon : object(required(document, "beacons"), "beacons").entrySet()) {
                Map<String, Object> info = object(beacon.getValue(), "beacons." + beacon.getKey());
                unknown(info, BEACON, "beacons." + beacon.getKey() + ".", unknown);
                beacons.put(beacon.getKey(), new DrandChain(string(info, "chainHash", false),
                        string(info, "publicKey", false), number(info, "genesisTime"), number(info, "periodSeconds"),
                        string(info, "scheme", false)));
            }
        }
        return new Export(format, record, string(document, "seed", false), instant(document, "revealedAt"),
                instant(document, "exportedAt"), string(signer, "province", false), string(signer, "algorithm", false),
                string(signer, "publicKey", false), string(signer, "fingerprint", false),
                string(document, "signature", false), signedBytes(document), List.copyOf(unknown), notice, beacons);
    }

    private static DrawRecord record(Map<String, Object> fields, String prefix) {
        DrawKind kind;
        try {
            kind = DrawKind.valueOf(string(fields, "kind", false));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + "kind is not a kind of draw record");
        }
        return new DrawRecord(string(fields, "id", false), seq(fields, prefix), kind,
                string(fields, "tenderId", false), string(fields, "algorithm", false),
                string(fields, "seedCommitment", true), string(fields, "eligibleList", false),
                string(fields, "eligibleListHash", false), string(fields, "request", false),
                string(fields, "result", false), string(fields, "actor", false), instant(fields, "createdAt"),
                string(fields, "previousHash", false), string(fields, "recordHash", false));
    }

    /** ISO-8601 UTC in whole seconds, e.g. {@code 2031-06-01T02:03:04Z}. */
    static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant instant(Map<String, Object> members, String name) {
        String text = string(members, name, false);
        try {
            Instant instant = Instant.parse(text);
            if (!instant(instant).equals(text)) {
                throw new IllegalArgumentException(name + " is not written as yyyy-MM-ddTHH:mm:ssZ");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not an instant");
        }
    }

    private static long seq(Map<String, Object> fields, String prefix) {
        if (!(required(fields, "seq") instanceof Long seq) || seq < 1) {
            throw new IllegalArgumentException(prefix + "seq is not a positive integer");
        }
        return seq;
    }

    private static long number(Map<String, Object> members, String name) {
        if (!(required(members, name) instanceof Long number)) {
            throw new IllegalArgumentException(name + " is not an integer");
        }
        return number;
    }

    private static Set<String> union(Set<String> known, String... more) {
        Set<String> all = new HashSet<>(known);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private static String string(Map<String, Object> members, String name, boolean nullable) {
        Object value = required(members, name);
        if (value == null && nullable) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(name + " is not a string");
        }
        return text;
    }

    private static Object required(Map<String, Object> members, String name) {
        if (!members.containsKey(name)) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return members.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " is not an object");
        }
        return (Map<String, Object>) map;
    }

    private static void unknown(Map<String, Object> members, Set<String> known, String prefix, List<String> unknown) {
        members.keySet().stream().filter(name -> !known.contains(name)).forEach(name -> unknown.add(prefix + name));
    }
}
