package cn.hlj.remoteeval.draw.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * The result of an expert draw: the filled seats in fill order, or no random pick with its reason.
 *
 * <p><b>Canonical text.</b> When drawn, the {@link Canonical} text {@code seatNo=center|specialty|expertRef}
 * for seats {@code 1..m} (keys sorted as text, so {@code 10} comes before {@code 2}). Otherwise the single line
 * {@value #NO_RANDOM_PICK} followed by one space and the reason: {@code specialty=<code>},
 * {@code center=<code>}, {@code main-city-cap} or {@code combination} (see {@link ExpertDrawAlgorithm}),
 * without a line feed. The reason names a center and so stays as sealed as the result itself: never log it.
 */
record ExpertDrawOutcome(boolean drawn, List<DrawnSeat> seats, String noRandomPickReason) {

    static final String NO_RANDOM_PICK = "NO_RANDOM_PICK";

    private static final Pattern REASON = Pattern.compile("(specialty|center)=[A-Za-z0-9._-]+|main-city-cap|combination");

    ExpertDrawOutcome {
        seats = List.copyOf(seats);
        if (drawn) {
            if (seats.isEmpty() || noRandomPickReason != null) {
                throw new IllegalArgumentException("a drawn outcome has seats and no reason");
            }
            Set<String> experts = new HashSet<>();
            for (int i = 0; i < seats.size(); i++) {
                if (seats.get(i).seatNo() != i + 1) {
                    throw new IllegalArgumentException("seats are numbered 1..m in order");
                }
                if (!experts.add(seats.get(i).expertRef())) {
                    throw new IllegalArgumentException("an expert takes one seat at most");
                }
            }
        } else if (!seats.isEmpty() || noRandomPickReason == null || !REASON.matcher(noRandomPickReason).matches()) {
            throw new IllegalArgumentException("no random pick has a reason and no seats");
        }
    }

    static ExpertDrawOutcome drawn(List<DrawnSeat> seats) {
        return new ExpertDrawOutcome(true, seats, null);
    }

    static ExpertDrawOutcome noRandomPick(String reason) {
        return new ExpertDrawOutcome(false, List.of(), Objects.requireNonNull(reason));
    }

    String canonical() {
        if (!drawn) {
            return NO_RANDOM_PICK + " " + noRandomPickReason;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (DrawnSeat seat : seats) {
            entries.put(Integer.toString(seat.seatNo()), seat.center() + "|" + seat.specialty() + "|" + seat.expertRef());
        }
        return Canonical.encode(entries);
    }

    /** The outcome of a result text; rejects any text {@link #canonical} would not write. */
    static ExpertDrawOutcome parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no text");
        }
        if (text.startsWith(NO_RANDOM_PICK + " ")) {
            return noRandomPick(text.substring(NO_RANDOM_PICK.length() + 1));
        }
        SortedMap<String, String> entries = Canonical.decode(text);
        List<DrawnSeat> seats = new ArrayList<>();
        for (int seatNo = 1; seatNo <= entries.size(); seatNo++) {
            String value = entries.get(Integer.toString(seatNo));
            if (value == null) {
                throw new IllegalArgumentException("seats are numbered 1..m");
            }
            String[] fields = value.split("\\|", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("a seat is center|specialty|expertRef");
            }
            seats.add(new DrawnSeat(seatNo, fields[0], fields[1], fields[2]));
        }
        return drawn(seats);
    }
}
