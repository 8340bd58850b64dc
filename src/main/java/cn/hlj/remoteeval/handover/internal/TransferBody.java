package cn.hlj.remoteeval.handover.internal;

import java.util.Arrays;
import java.util.Optional;

/** The discipline or law-enforcement body a clue is transferred to (policy 八 有关执纪执法机关). */
enum TransferBody {

    DISCIPLINE_INSPECTION("纪检监察机关"),
    PUBLIC_SECURITY("公安机关"),
    PROCURATORATE("检察机关"),
    ADMINISTRATIVE_ENFORCEMENT("其他行政执法机关");

    private final String label;

    TransferBody(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Optional<TransferBody> parse(Object value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(b -> b.name().equals(value.toString().strip())).findFirst();
    }
}
