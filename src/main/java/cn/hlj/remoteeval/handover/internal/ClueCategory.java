package cn.hlj.remoteeval.handover.internal;

import java.util.Arrays;
import java.util.Optional;

/** What kind of wrongdoing a clue points at; the values are the report form's select values. */
enum ClueCategory {

    COLLUSIVE_BIDDING("串通投标"),
    FRAUD("弄虚作假"),
    EXPERT_MISCONDUCT("评标专家违规"),
    OTHER("其他");

    private final String label;

    ClueCategory(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Optional<ClueCategory> parse(Object value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(c -> c.name().equals(value.toString().strip())).findFirst();
    }
}
