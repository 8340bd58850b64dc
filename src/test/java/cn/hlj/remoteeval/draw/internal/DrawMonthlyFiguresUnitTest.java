package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/** The monthly report tells a committee's expert draw from a supplementary one by its recorded request alone. */
class DrawMonthlyFiguresUnitTest {

    private static final Slot SLOT = new Slot(LocalDate.of(2038, 3, 10), HalfDay.AM);

    @Test
    void aCommitteesDrawAsksForEveryExpertSeatAndASupplementaryDrawForOne() {
        ExpertDrawRequest committee = new ExpertDrawRequest(5, "HRB", 1, 0, Locality.SAME_CITY, SLOT,
                new TreeMap<>(Map.of("HRB", 2, "MDJ", 2)), new TreeMap<>(Map.of("A0101", 4)));
        ExpertDrawRequest supplementary = new ExpertDrawRequest(5, "HRB", 1, 0, Locality.SAME_CITY, SLOT,
                new TreeMap<>(Map.of("MDJ", 1)), new TreeMap<>(Map.of("A0101", 1)));

        assertThat(DrawMonthlyFigures.supplementary(Canonical.decode(committee.canonical()))).isFalse();
        assertThat(DrawMonthlyFigures.supplementary(Canonical.decode(supplementary.canonical()))).isTrue();
        assertThat(Canonical.decode(supplementary.canonical())).containsEntry("mainCenter", "HRB");
    }
}
