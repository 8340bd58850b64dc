package cn.hlj.remoteeval.crossprovince.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.crossprovince.exchange.CanonicalJson;
import cn.hlj.remoteeval.crossprovince.exchange.Envelope;
import cn.hlj.remoteeval.crossprovince.exchange.EnvelopeSealing;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeInbox;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeSchemas;
import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.expert.ExpertCandidate;
import cn.hlj.remoteeval.expert.ExpertCategory;
import cn.hlj.remoteeval.expert.ExpertPool;
import cn.hlj.remoteeval.testsupport.FakeIdentities;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;

/**
 * The two shared directories as this province sends them: built from a pool that holds names, 身份证号,
 * mobiles and employers, they carry counts only, conform to the message set's schemas, and a large pool
 * goes in parts that each stay below what a receiver accepts.
 */
class DirectoryContentUnitTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());
    private static final NationalCrypto.KeyPair HL_KEYS = CRYPTO.newKeyPair();
    private static final NationalCrypto.KeyPair JL_KEYS = CRYPTO.newKeyPair();
    private static final ExchangeSchemas SCHEMAS = new ExchangeSchemas();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** 2026-12-07 02:30 in the province. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T18:30:00.123456Z"), ZoneId.of("Asia/Shanghai"));

    private static final String CANARY_NAME = "欧阳金丝雀";
    private static final String CANARY_ID_NUMBER = FakeIdentities.idNumber();
    private static final String CANARY_MOBILE = "13912345678";
    private static final String CANARY_EMPLOYER = "金丝雀建设集团有限公司";

    private final EnvelopeSealing hl = new EnvelopeSealing("HL", HL_KEYS.privateKey(), Duration.ofMinutes(10), CRYPTO, SCHEMAS,
            code -> Optional.empty(), (sender, id, at) -> true, (id, sender, reason, detail, at) -> {
            }, CLOCK, JSON);

    /** One expert of the test's pool, with everything the pool knows of a person. */
    private record Expert(String ref, String name, String idNumber, String mobile, String employer, String specialty,
            String city, boolean inService) {
    }

    /** A pool over the experts: it answers what the expert module's API answers, from data that holds names. */
    private static ExpertPool pool(List<Expert> experts) {
        return new ExpertPool() {
            @Override
            public boolean isKnownSpecialty(String specialtyCode) {
                return true;
            }

            @Override
            public boolean shortage(Map<String, Integer> requestedCountBySpecialty) {
                return false;
            }

            @Override
            public List<ExpertCandidate> available(Collection<String> specialtyCodes, LocalDate date) {
                return experts.stream().filter(e -> e.inService() && specialtyCodes.contains(e.specialty()))
                        .map(e -> new ExpertCandidate(e.ref(), e.specialty(), ExpertCategory.TECHNICAL, e.city(), e.employer(),
                                List.of(CANARY_EMPLOYER), List.of()))
                        .toList();
            }

            @Override
            public List<InServiceCount> inServiceCounts() {
                Map<String, Long> counts = new TreeMap<>();
                experts.stream().filter(Expert::inService)
                        .forEach(e -> counts.merge(e.specialty() + "/" + e.city(), 1L, Long::sum));
                return counts.entrySet().stream().map(c -> new InServiceCount(c.getKey().split("/")[0],
                        c.getKey().split("/")[1], c.getValue())).toList();
            }
        };
    }

    private static final List<TradingCenter> CENTERS = List.of(new TradingCenter("PROV", "黑龙江省公共资源交易中心", true),
            new TradingCenter("HRB", "哈尔滨市公共资源交易中心", true), new TradingCenter("QQHR", "齐齐哈尔市公共资源交易中心", true),
            new TradingCenter("MDJ", "牡丹江市公共资源交易中心", false));

    private static TradingCenters centers(Map<String, Integer> inService) {
        return new TradingCenters() {
            @Override
            public List<TradingCenter> all() {
                return CENTERS;
            }

            @Override
            public Optional<TradingCenter> find(String code) {
                return CENTERS.stream().filter(c -> c.code().equals(code)).findFirst();
            }

            @Override
            public Optional<String> noticeAddressOf(String code) {
                return Optional.of("哈尔滨市南岗区某某路 1 号");
            }

            @Override
            public void changeNoticeAddress(String code, String address) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, Integer> crossProvinceWorkstationsInService(LocalDate date) {
                assertThat(date).isEqualTo(LocalDate.of(2026, 12, 7));
                return inService;
            }
        };
    }

    private static List<Expert> poolWithCanary() {
        List<Expert> experts = new ArrayList<>();
        experts.add(new Expert(UUID.randomUUID().toString(), CANARY_NAME, CANARY_ID_NUMBER, CANARY_MOBILE, CANARY_EMPLOYER,
                "A080101", "HRB", true));
        experts.add(new Expert(UUID.randomUUID().toString(), "王某某", FakeIdentities.idNumber(), "13800000000", "某设计院",
                "A080101", "HRB", true));
        experts.add(new Expert(UUID.randomUUID().toString(), "李某某", FakeIdentities.idNumber(), "13800000001", "某咨询公司",
                "C020114", "QQHR", true));
        experts.add(new Expert(UUID.randomUUID().toString(), "赵某某", FakeIdentities.idNumber(), "13800000002", "某监理公司",
                "A0101", "MDJ", false));
        return experts;
    }

    private List<DirectoryContent> current(List<Expert> experts, Map<String, Integer> workstations) {
        return new DirectoryPublisher(pool(experts), centers(workstations), null, null, null, CLOCK).current();
    }

    /** The message as it leaves for JL, signed. */
    private String wire(DirectoryContent directory, ObjectNode body) {
        Envelope envelope = hl.seal(directory.kind().type(), UUID.randomUUID().toString(), directory.correlationId(), "JL", 1,
                body, null, JL_KEYS.publicKey());
        assertThat(SCHEMAS.problems(envelope.toJson(true))).as(directory.kind() + " part " + body.path("part")).isEmpty();
        return new String(hl.wire(envelope), StandardCharsets.UTF_8);
    }

    private static String canonical(String json) throws Exception {
        return CanonicalJson.string(JSON.readTree(json));
    }

    @Test
    void bothDirectoriesConformToTheirSchemasAndCarryCountsOnlyNeverAPersonOrOrganisation() throws Exception {
        List<Expert> experts = poolWithCanary();
        List<DirectoryContent> directories = current(experts, Map.of("PROV", 12, "HRB", 10, "MDJ", 4));

        StringBuilder sent = new StringBuilder();
        for (DirectoryContent directory : directories) {
            for (ObjectNode body : directory.bodies()) {
                sent.append(wire(directory, body));
            }
        }

        assertThat(sent.toString()).doesNotContain(CANARY_NAME, CANARY_ID_NUMBER, CANARY_MOBILE, CANARY_EMPLOYER, "王某某",
                "某设计院", "公共资源交易中心", "某某路");
        for (Expert expert : experts) {
            assertThat(sent.toString()).doesNotContain(expert.ref(), expert.idNumber(), expert.mobile());
        }
        assertThat(directories.get(0).bodies()).singleElement().extracting(CanonicalJson::string).isEqualTo(canonical("""
                {"asOf":"2026-12-06T18:30:00Z","part":1,"parts":1,"entries":[
                 {"specialtyCode":"A080101","cityCode":"HRB","available":2},
                 {"specialtyCode":"C020114","cityCode":"QQHR","available":1}]}"""));
        assertThat(directories.get(0).correlationId()).isEqualTo("DIR-EXPERT-20261207").matches("^[A-Za-z0-9-]{1,64}$");
        // Only the centers that host partners' tenders, in the directory's order, 0 when none is in service.
        assertThat(directories.get(1).bodies()).singleElement().extracting(CanonicalJson::string).isEqualTo(canonical("""
                {"asOf":"2026-12-06T18:30:00Z","entries":[
                 {"centerCode":"PROV","crossProvinceWorkstations":12},
                 {"centerCode":"HRB","crossProvinceWorkstations":10},
                 {"centerCode":"QQHR","crossProvinceWorkstations":0}]}"""));
        assertThat(directories.get(1).correlationId()).isEqualTo("DIR-WORKSTATION-20261207");
    }

    @Test
    void aNameOrAReferenceInADirectoryIsNotTheMessageSet() throws Exception {
        DirectoryContent experts = current(poolWithCanary(), Map.of()).get(0);
        ObjectNode withName = experts.bodies().get(0).deepCopy();
        ((ObjectNode) withName.get("entries").get(0)).put("name", CANARY_NAME);
        ObjectNode withRef = experts.bodies().get(0).deepCopy();
        withRef.put("expertRef", UUID.randomUUID().toString());
        ObjectNode withCityName = experts.bodies().get(0).deepCopy();
        ((ObjectNode) withCityName.get("entries").get(0)).put("cityCode", "哈尔滨");

        for (ObjectNode body : List.of(withName, withRef, withCityName)) {
            Envelope envelope = hl.seal(experts.kind().type(), UUID.randomUUID().toString(), experts.correlationId(), "JL", 1,
                    body, null, JL_KEYS.publicKey());
            assertThat(SCHEMAS.problems(envelope.toJson(true))).as(body.toString()).isNotEmpty();
        }
    }

    @Test
    void aLargePoolGoesInPartsThatEachConformAndStayWellBelowTheReceiversLimit() throws Exception {
        List<Expert> experts = new ArrayList<>();
        String[] cities = { "PROV", "HRB", "QQHR", "MDJ", "JMS", "DQ", "JX", "SYS", "YC", "QTH", "HG", "HH", "SH", "DXAL" };
        for (int specialty = 0; specialty < 90; specialty++) {
            for (String city : cities) {
                experts.add(new Expert("r", "n", "i", "m", "e", "B%05d".formatted(specialty), city, true));
            }
        }
        DirectoryContent directory = current(experts, Map.of()).get(0);

        List<ObjectNode> bodies = directory.bodies();

        assertThat(directory.entries()).hasSize(90 * 14);
        assertThat(bodies).hasSize(3);
        List<JsonNode> joined = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            ObjectNode body = bodies.get(i);
            assertThat(body.get("part").asInt()).isEqualTo(i + 1);
            assertThat(body.get("parts").asInt()).isEqualTo(3);
            assertThat(body.get("asOf").asText()).isEqualTo("2026-12-06T18:30:00Z");
            assertThat(wire(directory, body).getBytes(StandardCharsets.UTF_8).length).isLessThan(ExchangeInbox.MAX_BYTES / 2);
            body.get("entries").forEach(joined::add);
        }
        assertThat(joined).containsExactlyElementsOf(directory.entries());
    }

    @Test
    void theHashChangesWithTheCountsButNotWithTheTimeTheyWereRead() {
        List<Expert> experts = poolWithCanary();
        DirectoryContent now = DirectoryContent.experts(Instant.parse("2026-12-06T18:30:00Z"), pool(experts).inServiceCounts());
        DirectoryContent tomorrow = DirectoryContent.experts(Instant.parse("2026-12-07T18:30:00Z"),
                pool(experts).inServiceCounts());
        experts.add(new Expert("r", "n", "i", "m", "e", "A0101", "HRB", true));
        DirectoryContent more = DirectoryContent.experts(Instant.parse("2026-12-07T18:30:00Z"), pool(experts).inServiceCounts());
        DirectoryContent emptyPool = DirectoryContent.experts(Instant.parse("2026-12-07T18:30:00Z"), List.of());
        DirectoryContent noCenters = DirectoryContent.workstations(Instant.parse("2026-12-07T18:30:00Z"), List.of(), Map.of());

        assertThat(tomorrow.hash()).isEqualTo(now.hash()).hasSize(64);
        assertThat(more.hash()).isNotEqualTo(now.hash());
        // An empty directory is still a directory of its kind: one part, no entries, a hash of its own.
        assertThat(emptyPool.bodies()).singleElement().satisfies(body -> assertThat(body.get("entries")).isEmpty());
        assertThat(emptyPool.hash()).isNotEqualTo(noCenters.hash());
    }
}
