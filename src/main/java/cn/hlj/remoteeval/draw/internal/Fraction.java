package cn.hlj.remoteeval.draw.internal;

/** A share of the committee written {@code a/b}, as the seat-plan configuration gives it. */
record Fraction(int numerator, int denominator) {

    Fraction {
        if (denominator <= 0 || numerator < 0) {
            throw new IllegalArgumentException("a share is a/b with a >= 0 and b > 0");
        }
    }

    static Fraction parse(String text) {
        if (text == null || !text.trim().matches("[0-9]{1,6}/[0-9]{1,6}")) {
            throw new IllegalArgumentException("'" + text + "' is not a share written a/b (e.g. 1/2)");
        }
        String[] parts = text.trim().split("/");
        return new Fraction(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    /** floor(n × a / b), exactly. */
    int floorOf(int n) {
        return (int) Math.floorDiv((long) n * numerator, denominator);
    }

    /** Compares the values, not the spelling: 2/4 equals 1/2 here. */
    int compareValue(Fraction other) {
        return Long.compare((long) numerator * other.denominator, (long) other.numerator * denominator);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
