package cn.hlj.remoteeval.handover.internal;

import java.util.Arrays;
import java.util.Optional;

/** How the A/V material travels; the values are the hand-over forms' select values. */
enum Medium {

    REMOVABLE_DISK("移动硬盘"),
    OPTICAL_DISC("光盘"),
    USB_DRIVE("U盘"),
    PRIVATE_NETWORK("专网传输");

    private final String label;

    Medium(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Optional<Medium> parse(Object value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(m -> m.name().equals(value.toString().strip())).findFirst();
    }
}
