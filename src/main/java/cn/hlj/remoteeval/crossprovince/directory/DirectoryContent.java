package cn.hlj.remoteeval.crossprovince.directory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.crossprovince.exchange.CanonicalJson;
import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.expert.ExpertPool;
import cn.hlj.remoteeval.venue.TradingCenter;

/**
 * One directory as this province publishes it: its entries in a fixed order, the hash that says whether
 * it changed (the entries only, not {@code asOf}), and the message bodies that carry it. Built from
 * counts only: nothing here can hold a name, a 身份证号 or an organisation.
 *
 * @param asOf when the counts were read, to the second
 */
record DirectoryContent(DirectoryKind kind, Instant asOf, List<ObjectNode> entries) {

    /**
     * Entries per expert-directory message: about 70 bytes each in the canonical form, so that a part
     * stays far below the receiver's 60,000 bytes and a TEXT column.
     */
    static final int PART_SIZE = 500;

    /** Parts of one directory at most, as the message set's schema allows. */
    static final int MAX_PARTS = 100;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withZone(ZoneId.of(RemoteEvalApplication.ZONE));

    DirectoryContent {
        asOf = asOf.truncatedTo(ChronoUnit.SECONDS);
        entries = List.copyOf(entries);
    }

    /** The expert pool's directory: one entry per specialty and city with experts in service. */
    static DirectoryContent experts(Instant asOf, List<ExpertPool.InServiceCount> counts) {
        List<ObjectNode> entries = new ArrayList<>();
        counts.stream().filter(c -> c.experts() > 0)
                .sorted(Comparator.comparing(ExpertPool.InServiceCount::specialtyCode)
                        .thenComparing(ExpertPool.InServiceCount::cityCode))
                .forEach(c -> {
                    ObjectNode entry = NODES.objectNode();
                    entry.put("specialtyCode", c.specialtyCode());
                    entry.put("cityCode", c.cityCode());
                    entry.put("available", c.experts());
                    entries.add(entry);
                });
        if (entries.size() > PART_SIZE * MAX_PARTS) {
            throw new IllegalStateException("expert directory of " + entries.size() + " entries exceeds " + MAX_PARTS
                    + " parts");
        }
        return new DirectoryContent(DirectoryKind.EXPERT, asOf, entries);
    }

    /**
     * The cross-province workstation directory: one entry per center that hosts partners' tenders
     * permanently (policy 四: PROV, HRB, QQHR), in the directory's order, with 0 when it has none in service.
     */
    static DirectoryContent workstations(Instant asOf, List<TradingCenter> centers, Map<String, Integer> inService) {
        List<ObjectNode> entries = new ArrayList<>();
        for (TradingCenter center : centers) {
            if (center.permanentCrossProvinceSubVenue()) {
                ObjectNode entry = NODES.objectNode();
                entry.put("centerCode", center.code());
                entry.put("crossProvinceWorkstations", inService.getOrDefault(center.code(), 0));
                entries.add(entry);
            }
        }
        return new DirectoryContent(DirectoryKind.WORKSTATION, asOf, entries);
    }

    /** SM3 (hex) of the kind and the entries in canonical JSON: equal for an unchanged directory. */
    String hash() {
        ObjectNode content = NODES.objectNode();
        content.put("kind", kind.name());
        content.set("entries", array(entries));
        return NationalCrypto.sm3Hex(CanonicalJson.string(content).getBytes(StandardCharsets.UTF_8));
    }

    /** The day's conversation, e.g. {@code DIR-EXPERT-20261207} (the date in the province). */
    String correlationId() {
        return kind.correlationPrefix() + "-" + DAY.format(asOf);
    }

    /**
     * The message bodies, in order: the workstation directory in one; the expert directory in parts of at
     * most {@value #PART_SIZE} entries (at least one part, empty when the pool has no expert in service).
     */
    List<ObjectNode> bodies() {
        if (kind == DirectoryKind.WORKSTATION) {
            ObjectNode body = NODES.objectNode();
            body.put("asOf", asOf.toString());
            body.set("entries", array(entries));
            return List.of(body);
        }
        int parts = Math.max(1, (entries.size() + PART_SIZE - 1) / PART_SIZE);
        List<ObjectNode> bodies = new ArrayList<>(parts);
        for (int part = 1; part <= parts; part++) {
            ObjectNode body = NODES.objectNode();
            body.put("asOf", asOf.toString());
            body.put("part", part);
            body.put("parts", parts);
            body.set("entries", array(entries.subList((part - 1) * PART_SIZE, Math.min(entries.size(), part * PART_SIZE))));
            bodies.add(body);
        }
        return bodies;
    }

    private static ArrayNode array(List<ObjectNode> entries) {
        ArrayNode array = NODES.arrayNode(entries.size());
        entries.forEach(e -> array.add(e.deepCopy()));
        return array;
    }
}
