package cn.hlj.remoteeval.testsupport;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A valid tender registration body, to be changed one field at a time by a test. */
public final class TenderBody {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** The tenderer the demo account {@code tenderer} speaks for (security's demo accounts bind it). */
    public static final String DEMO_TENDERER = "演示招标人有限公司";

    private TenderBody() {
    }

    /**
     * A services tender of 9,000,000.00 at HRB: intra-province and in the shipped rollout. Its
     * evaluation date is one no other tender of this test run uses, so that its venue draw finds
     * the demo directory's workstations free.
     */
    public static TenderBody valid() {
        TenderBody body = new TenderBody();
        body.fields.put("sectionCode", uniqueSectionCode());
        body.fields.put("name", "哈尔滨市某道路工程监理");
        body.fields.put("mainCenter", "HRB");
        body.fields.put("category", "SERVICES");
        body.fields.put("estimatedPrice", "9000000.00");
        body.fields.put("evaluationDate", freshDate().toString());
        body.fields.put("halfDay", "AM");
        body.fields.put("committee", Map.of("size", 5,
                "specialties", List.of(Map.of("code", "A0101", "count", 3), Map.of("code", "C0201", "count", 2))));
        body.fields.put("regulationRequiresCrossProvince", false);
        body.fields.put("expertShortageAsserted", false);
        return body;
    }

    /** A date that no other tender of this test run was given ({@link OwnPeriods#freshDate()}). */
    public static LocalDate freshDate() {
        return OwnPeriods.freshDate();
    }

    public static String uniqueSectionCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 18);
    }

    public TenderBody with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public TenderBody without(String field) {
        fields.remove(field);
        return this;
    }

    public TenderBody category(String category, String estimatedPrice) {
        return with("category", category).with("estimatedPrice", estimatedPrice);
    }

    public TenderBody epc(String construction, String goods, String services) {
        return with("category", "EPC").with("epcParts",
                Map.of("construction", construction, "goods", goods, "services", services));
    }

    public TenderBody exemption(String reason, String detail) {
        return with("exemption", Map.of("reason", reason, "detail", detail));
    }

    public String sectionCode() {
        return (String) fields.get("sectionCode");
    }

    public Map<String, Object> asMap() {
        return fields;
    }
}
