package cn.hlj.remoteeval.draw.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.hlj.remoteeval.draw.DrawKind;

/**
 * The export format {@value #FORMAT} of a revealed draw record: a self-contained, signed JSON document
 * from which anyone can recompute the draw (src/docs/algorithms/record-export-v1.md). Members:
 * {@code format}; {@code record} with the record's fields; {@code seed} (the revealed secret, hex);
 * {@code revealedAt}; {@code exportedAt}; {@code signer} ({@code province}, {@code algorithm},
 * {@code publicKey}, {@code fingerprint}); {@code signature}, the SM2 signature (DER, hex) of the
 * {@link ExportJson#canonical canonical form} of the document without its {@code signature} member.
 * Members this version does not know are kept, signed and reported, never a reason to refuse.
 */
final class DrawRecordExport {

    static final String FORMAT = "remote-eval/draw-record-export/v1";
    static final String SIGNATURE_ALGORITHM = "SM2-SM3";

    private static final Set<String> TOP = Set.of("format", "record", "seed", "revealedAt", "exportedAt", "signer",
            "signature");
    private static final Set<String> RECORD = Set.of("id", "seq", "kind", "tenderId", "algorithm", "seedCommitment",
            "eligibleList", "eligibleListHash", "request", "result", "actor", "createdAt", "previousHash", "recordHash");
    private static final Set<String> SIGNER = Set.of("province", "algorithm", "publicKey", "fingerprint");

    private DrawRecordExport() {
    }

    /** An export as read: the record, its secret, the signer and the signature, and the members not read. */
    record Export(String format, DrawRecord record, String seedHex, Instant revealedAt, Instant exportedAt,
            String province, String signatureAlgorithm, String publicKey, String fingerprint, String signature,
            byte[] signedBytes, List<String> unknownMembers) {
    }

    /** The document without its signature, members in the order they are shown. */
    static Map<String, Object> unsigned(DrawRecord record, String seedHex, Instant revealedAt, Instant exportedAt,
            String province, String publicKey) {
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
        Map<String, Object> signer = new LinkedHashMap<>();
        signer.put("province", province);
        signer.put("algorithm", SIGNATURE_ALGORITHM);
        signer.put("publicKey", publicKey);
        signer.put("fingerprint", ExportSignatures.fingerprint(publicKey));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("record", fields);
        document.put("seed", seedHex);
        document.put("revealedAt", instant(revealedAt));
        document.put("exportedAt", instant(exportedAt));
        document.put("signer", signer);
        return document;
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

    /** Reads a parsed document; {@link IllegalArgumentException} when a member is missing or of the wrong type. */
    static Export read(Object parsed) {
        Map<String, Object> document = object(parsed, "the document");
        String format = string(document, "format", false);
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format " + format + " is not " + FORMAT);
        }
        Map<String, Object> fields = object(required(document, "record"), "record");
        Map<String, Object> signer = object(required(document, "signer"), "signer");
        List<String> unknown = new ArrayList<>();
        unknown(document, TOP, "", unknown);
        unknown(fields, RECORD, "record.", unknown);
        unknown(signer, SIGNER, "signer.", unknown);
        DrawKind kind;
        try {
            kind = DrawKind.valueOf(string(fields, "kind", false));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("record.kind is not a kind of draw record");
        }
        DrawRecord record = new DrawRecord(string(fields, "id", false), seq(fields), kind,
                string(fields, "tenderId", false), string(fields, "algorithm", false),
                string(fields, "seedCommitment", true), string(fields, "eligibleList", false),
                string(fields, "eligibleListHash", false), string(fields, "request", false),
                string(fields, "result", false), string(fields, "actor", false), instant(fields, "createdAt"),
                string(fields, "previousHash", false), string(fields, "recordHash", false));
        return new Export(format, record, string(document, "seed", false), instant(document, "revealedAt"),
                instant(document, "exportedAt"), string(signer, "province", false), string(signer, "algorithm", false),
                string(signer, "publicKey", false), string(signer, "fingerprint", false),
                string(document, "signature", false), signedBytes(document), List.copyOf(unknown));
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

    private static long seq(Map<String, Object> fields) {
        if (!(required(fields, "seq") instanceof Long seq) || seq < 1) {
            throw new IllegalArgumentException("record.seq is not a positive integer");
        }
        return seq;
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
