package cn.hlj.remoteeval.draw.internal;

/** One filled seat of an expert draw: its number in fill order (1..m), the center, the specialty and the expert's opaque reference. */
record DrawnSeat(int seatNo, String center, String specialty, String expertRef) {

    DrawnSeat {
        if (seatNo < 1 || !Canonical.isKey(center) || !Canonical.isKey(specialty) || !Canonical.isKey(expertRef)) {
            throw new IllegalArgumentException("a seat has a number from 1 and codes");
        }
    }
}
