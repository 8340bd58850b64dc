package cn.hlj.remoteeval.scope.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

import cn.hlj.remoteeval.scope.Category;
import cn.hlj.remoteeval.scope.RolloutStatus;

class CsvRolloutPolicyUnitTest {

    private static final String[] CENTERS = { "PROV", "HRB", "QQHR", "MDJ", "JMS", "DQ", "JX", "SYS", "YC", "QTH", "HG",
            "HH", "SH", "DXAL" };

    @Test
    void shippedRolloutHasServicesLiveInEveryCenterFromNewYear2026AndNothingElse() throws Exception {
        CsvRolloutPolicy shipped = new CsvRolloutPolicy(new ClassPathResource("rollout.csv"));
        LocalDate live = LocalDate.of(2026, 1, 1);

        for (String center : CENTERS) {
            assertThat(shipped.statusOf(center, Category.SERVICES, live)).isEqualTo(RolloutStatus.REMOTE);
            assertThat(shipped.statusOf(center, Category.SERVICES, live.minusDays(1)))
                    .isEqualTo(RolloutStatus.NOT_IN_ROLLOUT);
            for (Category other : new Category[] { Category.CONSTRUCTION, Category.GOODS, Category.EPC }) {
                assertThat(shipped.statusOf(center, other, LocalDate.of(2030, 1, 1)))
                        .isEqualTo(RolloutStatus.NOT_IN_ROLLOUT);
            }
        }
    }

    @Test
    void aPairGoesLiveOnItsDateNotBefore() throws Exception {
        CsvRolloutPolicy policy = policy("center,category,live_from\nMDJ,GOODS,2027-03-01\n");

        assertThat(policy.statusOf("MDJ", Category.GOODS, LocalDate.of(2027, 2, 28))).isEqualTo(RolloutStatus.NOT_IN_ROLLOUT);
        assertThat(policy.statusOf("MDJ", Category.GOODS, LocalDate.of(2027, 3, 1))).isEqualTo(RolloutStatus.REMOTE);
        assertThat(policy.statusOf("HRB", Category.GOODS, LocalDate.of(2027, 3, 1))).isEqualTo(RolloutStatus.NOT_IN_ROLLOUT);
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("center,category\nHRB,SERVICES", "header"),
                Arguments.of("center,category,live_from\nHRB,CONSULTING,2026-01-01", "unknown category"),
                Arguments.of("center,category,live_from\nHRB,SERVICES,2026/01/01", "not an ISO date"),
                Arguments.of("center,category,live_from\nhrb,SERVICES,2026-01-01", "not a center code"),
                Arguments.of("center,category,live_from\nHRB,SERVICES", "expected 3 columns"),
                Arguments.of("center,category,live_from\nHRB,GOODS,2026-01-01\nHRB,GOODS,2026-02-01", "listed twice"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedFiles")
    void refusesAMalformedFileNamingTheLine(String content, String problem) {
        assertThatThrownBy(() -> policy(content)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(problem).hasMessageContaining("line");
    }

    private static CsvRolloutPolicy policy(String content) throws Exception {
        return new CsvRolloutPolicy(CsvRolloutPolicy.parse(new StringReader(content), "test"));
    }
}
