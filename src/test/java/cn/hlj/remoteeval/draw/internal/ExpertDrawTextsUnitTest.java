package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.expert.ExpertCandidate;
import cn.hlj.remoteeval.expert.ExpertCategory;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/** The canonical texts of an expert draw (request, eligible list, result) read back exactly what was written, and nothing else. */
class ExpertDrawTextsUnitTest {

    static final Slot SLOT = new Slot(LocalDate.of(2034, 9, 12), HalfDay.AM);

    static final String REQUEST_TEXT = "committeeSize=9\nevaluationDate=2034-09-12\nhalfDay=AM\nlocality=SAME_CITY\n"
            + "mainCenter=HRB\nmainCityAlreadySeated=0\nmainCityCap=3\nquotas=A0101:5,B02:2\nseats=DQ:3,HRB:2,MDJ:2\n";

    @Test
    void aRequestIsWrittenWithSortedKeysAndSortedInlineCountsAndReadBackEqual() {
        ExpertDrawRequest request = new ExpertDrawRequest(9, "HRB", 3, 0, Locality.SAME_CITY, SLOT,
                counts("MDJ", 2, "HRB", 2, "DQ", 3), counts("B02", 2, "A0101", 5));

        assertThat(request.canonical()).isEqualTo(REQUEST_TEXT);
        assertThat(ExpertDrawRequest.parse(request.canonical())).isEqualTo(request);
        assertThat(request.expertCount()).isEqualTo(7);
    }

    @Test
    void aRequestTextWithAMissingUnknownOrRespelledEntryIsRefused() {
        assertThatThrownBy(() -> ExpertDrawRequest.parse(REQUEST_TEXT.replace("locality=SAME_CITY\n", "")))
                .as("missing key").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertDrawRequest.parse(REQUEST_TEXT + "zone=north\n")).as("unknown key")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertDrawRequest.parse(REQUEST_TEXT.replace("DQ:3,HRB:2", "HRB:2,DQ:3")))
                .as("unsorted seats").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertDrawRequest.parse(REQUEST_TEXT.replace("B02:2", "B02:02"))).as("leading zero")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertDrawRequest.parse(REQUEST_TEXT.replace("MDJ:2", "MDJ:2,SH:0")))
                .as("zero seats").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertDrawRequest.parse(REQUEST_TEXT.replace("DQ:3,", "DQ:3, "))).as("space")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertDrawRequest.parse(REQUEST_TEXT.replace("SAME_CITY", "COUNTY"))).as("locality")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertDrawRequest.parse(REQUEST_TEXT.replace("2034-09-12", "2034-9-12"))).as("date")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertDrawRequest.parse(REQUEST_TEXT.replace("A0101:5", "A0101:4")))
                .as("seats and quotas differ").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestMustBeSelfConsistent() {
        assertThatThrownBy(() -> new ExpertDrawRequest(9, "HRB", 3, 0, Locality.SAME_CITY, SLOT, counts("HRB", 2),
                counts("A", 3))).as("seats ≠ quotas").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpertDrawRequest(9, "HRB", 3, 0, Locality.SAME_CITY, SLOT, new TreeMap<>(), new TreeMap<>()))
                .as("nothing to draw").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpertDrawRequest(5, "HRB", 1, 0, Locality.SAME_CITY, SLOT, counts("HRB", 6),
                counts("A", 6))).as("more experts than the committee").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpertDrawRequest(5, "HRB", -1, 0, Locality.SAME_CITY, SLOT, counts("HRB", 1),
                counts("A", 1))).as("negative cap").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpertDrawRequest(5, "H,RB", 1, 0, Locality.SAME_CITY, SLOT, counts("HRB", 1),
                counts("A", 1))).as("not a code").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpertDrawRequest(5, "HRB", 1, 0, Locality.SAME_CITY, SLOT, counts("HRB", 1),
                counts("A:1", 1))).as("separator in a code").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSupplementaryRequestWithTheMainCityAlreadyFullHasNoCapLeft() {
        ExpertDrawRequest request = new ExpertDrawRequest(7, "HRB", 2, 3, Locality.SAME_CITY, SLOT, counts("HRB", 1),
                counts("A", 1));

        assertThat(request.remainingMainCityCap()).isZero();
        assertThat(ExpertDrawRequest.parse(request.canonical())).isEqualTo(request);
    }

    @Test
    void theEligibleListIsOneSortedLinePerExpertWithoutPersonalData() {
        List<ExpertCandidate> candidates = List.of(
                candidate("e-b", "A0101", ExpertCategory.ECONOMIC, "DQ"),
                candidate("e-a", "B02", ExpertCategory.TECHNICAL, "HRB"));

        String text = ExpertEligibleList.encode(candidates);

        assertThat(text).isEqualTo("e-a=B02|TECHNICAL|HRB\ne-b=A0101|ECONOMIC|DQ\n").doesNotContain("哈尔滨");
        assertThat(ExpertEligibleList.decode(text)).containsExactly(
                new EligibleExpert("e-a", "B02", ExpertCategory.TECHNICAL, "HRB"),
                new EligibleExpert("e-b", "A0101", ExpertCategory.ECONOMIC, "DQ"));
        assertThat(ExpertEligibleList.encodeEntries(ExpertEligibleList.decode(text))).isEqualTo(text);
        assertThat(ExpertEligibleList.encode(List.of())).isEmpty();
    }

    @Test
    void anEligibleListThatTheEncoderWouldNotWriteIsRefused() {
        assertThatThrownBy(() -> ExpertEligibleList.encode(List.of(candidate("e-a", "A", ExpertCategory.TECHNICAL, "DQ"),
                candidate("e-a", "B", ExpertCategory.TECHNICAL, "DQ")))).as("twice").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertEligibleList.decode("e-b=A|TECHNICAL|DQ\ne-a=A|TECHNICAL|DQ\n")).as("order")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertEligibleList.decode("e-a=A|LEGAL|DQ\n")).as("category")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertEligibleList.decode("e-a=A|TECHNICAL|DQ|x\n")).as("fields")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertEligibleList.decode("e-a=A|TECHNICAL|\n")).as("no city")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertEligibleList.decode("e-a=A|TECHNICAL|DQ")).as("last line feed")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResultIsWrittenPerSeatNumberAndReadBackEqual() {
        List<DrawnSeat> seats = new java.util.ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            seats.add(new DrawnSeat(i, i <= 4 ? "DQ" : "HRB", "A", "e-" + i));
        }
        ExpertDrawOutcome outcome = ExpertDrawOutcome.drawn(seats);

        assertThat(outcome.canonical()).startsWith("1=DQ|A|e-1\n10=HRB|A|e-10\n11=HRB|A|e-11\n2=DQ|A|e-2\n");
        assertThat(ExpertDrawOutcome.parse(outcome.canonical())).isEqualTo(outcome);
        ExpertDrawOutcome none = ExpertDrawOutcome.noRandomPick("specialty=B02");
        assertThat(none.canonical()).isEqualTo("NO_RANDOM_PICK specialty=B02");
        assertThat(ExpertDrawOutcome.parse(none.canonical())).isEqualTo(none);
    }

    @Test
    void aResultThatTheAlgorithmWouldNotWriteIsRefused() {
        assertThatThrownBy(() -> ExpertDrawOutcome.parse("1=DQ|A|e-1\n3=DQ|A|e-3\n")).as("gap")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertDrawOutcome.parse("1=DQ|A|e-1\n2=DQ|A|e-1\n")).as("one expert twice")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertDrawOutcome.parse("")).as("empty").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertDrawOutcome.parse("NO_RANDOM_PICK because")).as("reason")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpertDrawOutcome.parse("NO_RANDOM_PICK")).as("no reason")
                .isInstanceOf(IllegalArgumentException.class);
    }

    static ExpertCandidate candidate(String ref, String specialty, ExpertCategory category, String city) {
        return new ExpertCandidate(ref, specialty, category, city, "某单位", List.of(), List.of());
    }

    static TreeMap<String, Integer> counts(Object... keysAndCounts) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            counts.put((String) keysAndCounts[i], (Integer) keysAndCounts[i + 1]);
        }
        return counts;
    }
}
