package cn.hlj.remoteeval.crossprovince.hosting;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Seat numbers as a hosted session's staff type them in the identity form (comma-separated, ASCII or full-width commas), and back. */
final class HostedSeatNumbers {

    /** The same pattern the identity-verification form validates with. */
    static final Pattern FORMAT = Pattern.compile("^\\s*(\\d{1,3}\\s*([,，]\\s*\\d{1,3}\\s*)*)?$");

    private HostedSeatNumbers() {
    }

    /** Distinct seat numbers in ascending order; empty for null or blank text. */
    static List<Integer> parse(Object text) {
        if (text == null || text.toString().isBlank()) {
            return List.of();
        }
        String value = text.toString();
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("未到场专家席位号格式应为以逗号分隔的席位号，例如 2,5");
        }
        TreeSet<Integer> seats = new TreeSet<>();
        for (String part : value.split("[,，]")) {
            int seat = Integer.parseInt(part.strip());
            if (seat < 1) {
                throw new IllegalArgumentException("席位号应从 1 开始");
            }
            seats.add(seat);
        }
        return List.copyOf(seats);
    }

    static String format(List<Integer> seats) {
        return seats.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
