package cn.hlj.remoteeval.draw.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hlj.remoteeval.expert.ExpertCandidate;
import cn.hlj.remoteeval.expert.ExpertCategory;

/**
 * The eligible list of an expert draw: the candidates left after the exclusions (回避), as the
 * {@link Canonical} text {@code expertRef=specialty|category|city} per candidate, sorted by
 * {@code expertRef}; {@code category} is {@code TECHNICAL} or {@code ECONOMIC}, {@code city} the
 * center code of the expert's 所在地市. Expert references, specialty and city codes are
 * {@link Canonical} keys (no {@code |}). The list names experts by their opaque reference only.
 */
final class ExpertEligibleList {

    private ExpertEligibleList() {
    }

    static String encode(Collection<ExpertCandidate> candidates) {
        List<EligibleExpert> entries = new ArrayList<>(candidates.size());
        for (ExpertCandidate candidate : candidates) {
            entries.add(new EligibleExpert(candidate.expertRef(), candidate.specialtyCode(), candidate.category(),
                    candidate.city()));
        }
        return encodeEntries(entries);
    }

    /** Rejects an expert listed twice. */
    static String encodeEntries(Collection<EligibleExpert> experts) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (EligibleExpert expert : experts) {
            String line = expert.specialty() + "|" + expert.category().name() + "|" + expert.city();
            if (entries.put(expert.expertRef(), line) != null) {
                throw new IllegalArgumentException("an expert is listed twice");
            }
        }
        return Canonical.encode(entries);
    }

    /** The candidates sorted by expertRef; rejects any text {@link #encodeEntries} would not write. */
    static List<EligibleExpert> decode(String text) {
        List<EligibleExpert> experts = new ArrayList<>();
        Canonical.decode(text).forEach((expertRef, value) -> {
            String[] fields = value.split("\\|", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("an eligible expert is specialty|category|city");
            }
            experts.add(new EligibleExpert(expertRef, fields[0], ExpertCategory.valueOf(fields[1]), fields[2]));
        });
        return List.copyOf(experts);
    }
}
