package cn.hlj.remoteeval.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The split of a cross-province committee's specialties between the main venue's expert seats and the
 * partner's (largest remainder, ties in entry order), as src/docs/exchange/expert-split.md states it.
 */
class CommitteeSplitUnitTest {

    static Stream<Arguments> committees() {
        return Stream.of(
                Arguments.of(specialties("A0101", 5), 0),
                Arguments.of(specialties("A0101", 4), 4),
                Arguments.of(specialties("A0101", 3, "B02", 1), 1),
                Arguments.of(specialties("A0101", 2, "B02", 2, "C03", 1), 2),
                Arguments.of(specialties("A0101", 1, "B02", 1, "C03", 1, "D04", 1, "E05", 1), 3),
                Arguments.of(specialties("C03", 6, "A0101", 3, "B02", 2), 4),
                Arguments.of(specialties("A0101", 7, "B02", 5, "C03", 1, "D04", 1, "E05", 1), 7));
    }

    @ParameterizedTest
    @MethodSource("committees")
    void theSharesAddUpPerSpecialtyAndInTotalAndAreNeverNegative(Map<String, Integer> specialties, int local) {
        CommitteeRequirement requirement = requirement(specialties);

        Map<String, Integer> here = requirement.localShare(local);
        Map<String, Integer> there = requirement.partnerShare(local);

        assertThat(sum(here)).isEqualTo(local);
        assertThat(sum(there)).isEqualTo(requirement.expertCount() - local);
        assertThat(here.values()).allMatch(n -> n > 0);
        assertThat(there.values()).allMatch(n -> n > 0);
        specialties.forEach((code, count) -> assertThat(here.getOrDefault(code, 0) + there.getOrDefault(code, 0))
                .as(code).isEqualTo(count));
        // In the order staff entered them, on both sides.
        assertThat(List.copyOf(here.keySet())).isEqualTo(specialties.keySet().stream().filter(here::containsKey).toList());
        assertThat(List.copyOf(there.keySet())).isEqualTo(specialties.keySet().stream().filter(there::containsKey).toList());
    }

    @ParameterizedTest
    @MethodSource("committees")
    void theSplitIsDeterministic(Map<String, Integer> specialties, int local) {
        assertThat(requirement(new LinkedHashMap<>(specialties)).localShare(local))
                .containsExactlyEntriesOf(requirement(specialties).localShare(local));
    }

    @ParameterizedTest
    @MethodSource("committees")
    void everyLocalSeatCountFromNoneToAllSplitsWithoutLoss(Map<String, Integer> specialties, int ignored) {
        CommitteeRequirement requirement = requirement(specialties);
        IntStream.rangeClosed(0, requirement.expertCount()).forEach(local -> {
            Map<String, Integer> here = requirement.localShare(local);
            assertThat(sum(here)).isEqualTo(local);
            here.forEach((code, n) -> assertThat(n).isBetween(1, specialties.get(code)));
        });
    }

    @Test
    void eachSpecialtyFirstGetsItsWholePartAndTheRestGoesToTheLargestRemainders() {
        // 4 seats × 6/11, 3/11, 2/11 = 2.18, 1.09, 0.73: floors 2, 1, 0, and the one seat left goes to B02 (remainder 0.73).
        CommitteeRequirement requirement = requirement(specialties("C03", 6, "A0101", 3, "B02", 2));

        assertThat(requirement.localShare(4)).containsExactly(Map.entry("C03", 2), Map.entry("A0101", 1), Map.entry("B02", 1));
        assertThat(requirement.partnerShare(4)).containsExactly(Map.entry("C03", 4), Map.entry("A0101", 2), Map.entry("B02", 1));
    }

    @Test
    void equalRemaindersGoInTheOrderStaffEnteredTheSpecialties() {
        CommitteeRequirement entered = requirement(specialties("B02", 1, "A0101", 1, "C03", 1, "D04", 1, "E05", 1));

        assertThat(entered.localShare(2)).containsExactly(Map.entry("B02", 1), Map.entry("A0101", 1));
        assertThat(entered.partnerShare(2)).containsExactly(Map.entry("C03", 1), Map.entry("D04", 1), Map.entry("E05", 1));
        assertThat(requirement(specialties("E05", 1, "D04", 1, "C03", 1, "B02", 1, "A0101", 1)).localShare(2))
                .containsExactly(Map.entry("E05", 1), Map.entry("D04", 1));
    }

    @Test
    void noLocalSeatLeavesEverythingToThePartnerAndAllSeatsLeaveNothing() {
        CommitteeRequirement requirement = requirement(specialties("A0101", 3, "B02", 2));

        assertThat(requirement.localShare(0)).isEmpty();
        assertThat(requirement.partnerShare(0)).containsExactly(Map.entry("A0101", 3), Map.entry("B02", 2));
        assertThat(requirement.localShare(5)).containsExactly(Map.entry("A0101", 3), Map.entry("B02", 2));
        assertThat(requirement.partnerShare(5)).isEmpty();
    }

    @Test
    void moreLocalSeatsThanExpertsOrFewerThanNoneAreRefused() {
        CommitteeRequirement requirement = requirement(specialties("A0101", 5));

        assertThatThrownBy(() -> requirement.localShare(6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> requirement.partnerShare(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static CommitteeRequirement requirement(Map<String, Integer> specialties) {
        int experts = sum(specialties);
        return new CommitteeRequirement("t-1", experts + 1, 1, specialties, "招标人", null, List.of());
    }

    private static Map<String, Integer> specialties(Object... codesAndCounts) {
        Map<String, Integer> specialties = new LinkedHashMap<>();
        for (int i = 0; i < codesAndCounts.length; i += 2) {
            specialties.put((String) codesAndCounts[i], (Integer) codesAndCounts[i + 1]);
        }
        return specialties;
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
