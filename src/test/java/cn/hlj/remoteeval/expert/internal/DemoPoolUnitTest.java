package cn.hlj.remoteeval.expert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.expert.ExpertCategory;
import cn.hlj.remoteeval.venue.TradingCenter;

class DemoPoolUnitTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final List<TradingCenter> CENTERS = List.of(new TradingCenter("PROV", "省中心", true),
            new TradingCenter("HRB", "哈尔滨", true), new TradingCenter("DXAL", "大兴安岭", false));

    @Test
    void everyCenterHasTwelveExpertsPerSpecialtyTechnicalAndEconomic() {
        List<ExpertFields> pool = DemoPool.generate(CENTERS, DemoPool.SPECIALTIES, TODAY);

        Map<String, Long> perCell = pool.stream()
                .collect(Collectors.groupingBy(e -> e.city() + "/" + e.specialtyCode(), Collectors.counting()));
        assertThat(perCell).hasSize(CENTERS.size() * DemoPool.SPECIALTIES.size())
                .allSatisfy((cell, count) -> assertThat(count).as(cell).isEqualTo(12));
        assertThat(pool.stream().filter(e -> e.category() == ExpertCategory.ECONOMIC
                && e.city().equals("HRB") && e.specialtyCode().equals("A0101"))).hasSize(4);
    }

    @Test
    void identitiesAreValidUniqueAndReproducible() {
        List<ExpertFields> pool = DemoPool.generate(CENTERS, DemoPool.SPECIALTIES, TODAY);

        assertThat(pool).allSatisfy(e -> {
            assertThat(IdNumbers.problem(e.idNumber(), TODAY)).as(e.idNumber()).isNull();
            assertThat(e.mobile()).matches("1[3-9]\\d{9}");
            assertThat(e.name().length()).isBetween(2, 3);
            assertThat(e.employer()).matches("示例单位\\d{2}");
        });
        assertThat(pool.stream().map(ExpertFields::idNumber).distinct()).hasSize(pool.size());
        assertThat(pool.stream().map(ExpertFields::mobile).distinct()).hasSize(pool.size());
        assertThat(DemoPool.generate(CENTERS, DemoPool.SPECIALTIES, TODAY)).isEqualTo(pool);
        assertThat(pool.stream().filter(e -> e.city().equals("DXAL")).map(ExpertFields::idNumber))
                .allSatisfy(id -> assertThat(id).startsWith("232701"));
    }
}
