package cn.hlj.remoteeval.venue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.venue.TradingCenter;

class DemoDirectoryUnitTest {

    private static final List<String> OTHERS = List.of("MDJ", "JMS", "DQ", "JX", "SYS", "YC", "QTH", "HG", "HH", "SH", "DXAL");

    @Test
    void permanentSubVenuesGetTwelveCrossProvinceWorkstationsAndTwoToFourOrdinaryOnes() {
        for (String code : List.of("PROV", "HRB", "QQHR")) {
            List<WorkstationFields> list = DemoDirectory.directoryOf(new TradingCenter(code, code, true));
            assertThat(list.stream().filter(WorkstationFields::crossProvince)).as(code).hasSize(12);
            assertThat(list.stream().filter(w -> !w.crossProvince()).count()).as(code).isBetween(2L, 4L);
            assertThat(list).filteredOn(WorkstationFields::crossProvince)
                    .allSatisfy(w -> assertThat(w.room()).startsWith("远程异地评标区 A 评标室 "));
        }
    }

    @Test
    void otherCentersGetThreeToSixOrdinaryWorkstations() {
        for (String code : OTHERS) {
            List<WorkstationFields> list = DemoDirectory.directoryOf(new TradingCenter(code, code, false));
            assertThat(list).as(code).hasSizeBetween(3, 6).noneMatch(WorkstationFields::crossProvince);
        }
    }

    @Test
    void codesAreUniqueValidAndOrdinaryOnesSortFirst() {
        List<WorkstationFields> list = DemoDirectory.directoryOf(new TradingCenter("HRB", "哈尔滨", true));
        List<String> codes = list.stream().map(WorkstationFields::code).toList();

        assertThat(codes).doesNotHaveDuplicates().isSorted();
        assertThat(list.get(0).crossProvince()).isFalse();
        assertThat(list).allSatisfy(w -> {
            assertThat(w.room()).hasSizeLessThanOrEqualTo(WorkstationFields.ROOM_MAX);
            assertThat(w.avNotes()).hasSizeLessThanOrEqualTo(WorkstationFields.AV_NOTES_MAX).contains("摄像");
        });
    }
}
