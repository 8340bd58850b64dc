package cn.hlj.remoteeval.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Persisted;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/** Every error a registering clerk can make: a problem+json naming the field, and nothing written. */
@RemoteEvalIntegrationTest
class TenderValidationIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    Persisted persisted;

    static Stream<Arguments> invalidRegistrations() {
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        return Stream.of(
                invalid("missing sectionCode", b -> b.without("sectionCode"), "sectionCode"),
                invalid("blank name", b -> b.with("name", "   "), "name"),
                invalid("missing mainCenter", b -> b.without("mainCenter"), "mainCenter"),
                invalid("blank evaluationDate", b -> b.with("evaluationDate", ""), "evaluationDate"),
                invalid("missing committee", b -> b.without("committee"), "committee"),
                invalid("missing regulation flag", b -> b.without("regulationRequiresCrossProvince"),
                        "regulationRequiresCrossProvince"),
                invalid("missing shortage flag", b -> b.without("expertShortageAsserted"), "expertShortageAsserted"),
                invalid("non-numeric amount", b -> b.with("estimatedPrice", "一千万"), "estimatedPrice"),
                invalid("negative amount", b -> b.with("estimatedPrice", "-1.00"), "estimatedPrice"),
                invalid("three decimals", b -> b.with("estimatedPrice", "100.001"), "estimatedPrice"),
                invalid("zero amount", b -> b.with("estimatedPrice", "0.00"), "estimatedPrice"),
                invalid("unknown center", b -> b.with("mainCenter", "XYZ"), "mainCenter"),
                invalid("unknown category", b -> b.with("category", "CONSULTING"), "category"),
                invalid("unknown half-day", b -> b.with("halfDay", "EVENING"), "halfDay"),
                invalid("malformed date", b -> b.with("evaluationDate", "2026-13-40"), "evaluationDate"),
                invalid("EPC without parts", b -> b.with("category", "EPC"), "epcParts"),
                invalid("EPC part negative", b -> b.epc("-5.00", "0.00", "0.00"), "epcParts.construction"),
                invalid("EPC part missing", b -> b.with("category", "EPC").with("epcParts", Map.of("goods", "1.00",
                        "services", "1.00")), "epcParts.construction"),
                invalid("parts on a non-EPC tender", b -> b.with("epcParts",
                        Map.of("construction", "1.00", "goods", "1.00", "services", "1.00")), "epcParts"),
                invalid("evaluation date in the past", b -> b.with("evaluationDate", yesterday), "evaluationDate"),
                invalid("committee below five", b -> b.with("committee", Map.of("size", 3,
                        "specialties", List.of(Map.of("code", "A0101", "count", 3)))), "committee.size"),
                invalid("even committee", b -> b.with("committee", Map.of("size", 6,
                        "specialties", List.of(Map.of("code", "A0101", "count", 6)))), "committee.size"),
                invalid("specialties not adding up", b -> b.with("committee", Map.of("size", 5,
                        "specialties", List.of(Map.of("code", "A0101", "count", 3)))), "committee.specialties"),
                invalid("specialty count zero", b -> b.with("committee", Map.of("size", 5, "specialties",
                        List.of(Map.of("code", "A0101", "count", 5), Map.of("code", "B01", "count", 0)))),
                        "committee.specialties[1].count"),
                invalid("duplicate specialty", b -> b.with("committee", Map.of("size", 5, "specialties",
                        List.of(Map.of("code", "A0101", "count", 3), Map.of("code", "A0101", "count", 2)))),
                        "committee.specialties[1].code"),
                invalid("unknown exemption reason", b -> b.exemption("CONVENIENCE", "方便"), "exemption.reason"),
                invalid("exemption without detail", b -> b.exemption("OTHER", " "), "exemption.detail"),
                invalid("unknown field", b -> b.with("budgetOwner", "x"), "budgetOwner"),
                invalid("unknown nested field", b -> b.with("committee", Map.of("size", 5, "chair", "x",
                        "specialties", List.of(Map.of("code", "A0101", "count", 5)))), "committee.chair"),
                invalid("boolean as text", b -> b.with("expertShortageAsserted", "maybe"), "expertShortageAsserted"),
                invalid("committee size as text", b -> b.with("committee", Map.of("size", "five",
                        "specialties", List.of(Map.of("code", "A0101", "count", 5)))), "committee.size"));
    }

    private static Arguments invalid(String name, UnaryOperator<TenderBody> change, String field) {
        return Arguments.of(name, change, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void rejectsTheRequestNamingTheFieldAndWritesNothing(String name, UnaryOperator<TenderBody> change, String field)
            throws Exception {
        TenderBody body = change.apply(TenderBody.valid());
        Map<String, Long> before = persisted.snapshot();

        expectProblem(api.post("staff-hrb", "/api/tenders", body), 400, field);

        assertThat(persisted.snapshot()).isEqualTo(before);
    }

    @Test
    void reportsEveryFieldAtFaultInOneAnswer() throws Exception {
        TenderBody body = TenderBody.valid().with("estimatedPrice", "-3").with("mainCenter", "XYZ")
                .with("halfDay", "NOON");

        api.post("staff-hrb", "/api/tenders", body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("estimatedPrice",
                        "mainCenter", "halfDay")));
    }

    @Test
    void rejectsMalformedJsonAndWritesNothing() throws Exception {
        Map<String, Long> before = persisted.snapshot();

        expectProblem(api.postRaw("staff-hrb", "/api/tenders", "{\"sectionCode\": \"A\", "), 400, "body")
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("JSON")));

        assertThat(persisted.snapshot()).isEqualTo(before);
    }

    @Test
    void rejectsAnEmptyBody() throws Exception {
        expectProblem(api.postRaw("staff-hrb", "/api/tenders", ""), 400, "body");
    }

    @Test
    void rejectsADuplicateSectionCodeWithConflictAndWritesNothing() throws Exception {
        TenderBody first = TenderBody.valid();
        api.register(first);
        Map<String, Long> before = persisted.snapshot();

        expectProblem(api.post("staff-hrb", "/api/tenders", TenderBody.valid().with("sectionCode", first.sectionCode())),
                409, "sectionCode");

        assertThat(persisted.snapshot()).isEqualTo(before);
    }

    @Test
    void refusesStaffOfAnotherCenterAndWritesNothing() throws Exception {
        Map<String, Long> before = persisted.snapshot();

        api.post("staff-qqhr", "/api/tenders", TenderBody.valid())
                .andExpect(status().isForbidden())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.title").value("无权执行此操作"));

        assertThat(persisted.snapshot()).isEqualTo(before);
    }

    @Test
    void acceptsAmountsSentAsJsonNumbersWithoutRounding() throws Exception {
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(TenderBody.valid().asMap())
                .replace("\"9000000.00\"", "9999999.99");

        api.postRaw("staff-hrb", "/api/tenders", body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.estimatedPrice").value("9999999.99"))
                .andExpect(jsonPath("$.scope").value("INTRA_PROVINCE"));
    }

    private static ResultActions expectProblem(ResultActions result, int status, String field) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem(field)))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.matchesPattern(".*[\\u4e00-\\u9fa5].*")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
    }
}
