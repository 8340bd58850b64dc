package cn.hlj.remoteeval.crossprovince.exchange;

import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One valid body per message type, as the message set document shows them. */
final class ExchangeExamples {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private ExchangeExamples() {
    }

    static Map<MessageType, JsonNode> bodies() {
        Map<MessageType, String> text = new EnumMap<>(MessageType.class);
        text.put(MessageType.SUB_VENUE_REQUEST, """
                {"tenderRef":"T-8f2c","evaluationDate":"2027-03-02","halfDay":"AM","seats":3,"category":"CONSTRUCTION",
                 "committeeSize":7,"specialties":[{"code":"A0101","count":3}]}""");
        text.put(MessageType.SUB_VENUE_OFFER, """
                {"sessions":[{"sessionRef":"RS-1a2b","seats":2},{"sessionRef":"RS-3c4d","seats":1}]}""");
        text.put(MessageType.SUB_VENUE_ACCEPTANCE, """
                {"sessionRefs":["RS-1a2b","RS-3c4d"]}""");
        text.put(MessageType.SUB_VENUE_REFUSAL, """
                {"reason":"该时段跨省评标工位已满"}""");
        text.put(MessageType.EXPERT_DRAW_REQUEST, """
                {"sessionRef":"RS-1a2b","seats":[{"seatRef":"S-1","specialtyCode":"A0101"}],
                 "excludedOrganisations":["某某建设集团有限公司"]}""");
        text.put(MessageType.EXPERT_DRAW_RESULT, """
                {"sessionRef":"RS-1a2b","seats":[{"seatRef":"S-1","state":"CONFIRMED"}]}""");
        text.put(MessageType.SESSION_STARTED, """
                {"sessionRef":"RS-1a2b","startedAt":"2027-03-02T01:00:00Z"}""");
        text.put(MessageType.SESSION_ENDED, """
                {"sessionRef":"RS-1a2b","endedAt":"2027-03-02T04:00:00Z"}""");
        text.put(MessageType.SIGNATURES_COLLECTED, """
                {"sessionRef":"RS-1a2b","seats":[{"seatRef":"S-1","signatureRef":"SIG-77","signedAt":"2027-03-02T04:05:00Z"}]}""");
        text.put(MessageType.AV_HANDOVER, """
                {"sessionRef":"RS-1a2b","medium":"ONLINE","handedAt":"2027-03-03T02:00:00Z",
                 "items":[{"no":1,"fileName":"主机位.mp4","sha256":"%s"}]}""".formatted("ab".repeat(32)));
        text.put(MessageType.AV_HANDOVER_RECEIPT, """
                {"handoverRef":"H-9","receivedAt":"2027-03-03T03:00:00Z","itemCount":1}""");
        text.put(MessageType.CLUE_PASSED_ON, """
                {"sessionRef":"RS-1a2b","clueRef":"C-5","category":"COLLUSION","foundOn":"2027-03-02"}""");
        text.put(MessageType.CANCELLATION, """
                {"reason":"招标人撤回"}""");
        text.put(MessageType.MOVE, """
                {"evaluationDate":"2027-03-09","halfDay":"PM"}""");
        text.put(MessageType.EXPERT_DIRECTORY, """
                {"asOf":"2027-03-01T18:30:00Z","part":1,"parts":1,
                 "entries":[{"specialtyCode":"A0101","cityCode":"CC","available":12},
                            {"specialtyCode":"A080101","cityCode":"JLS","available":30}]}""");
        text.put(MessageType.WORKSTATION_DIRECTORY, """
                {"asOf":"2027-03-01T18:30:00Z","entries":[{"centerCode":"CC","crossProvinceWorkstations":12}]}""");
        text.put(MessageType.PING, """
                {"nonce":"3f2a9c0e5b7d4a61"}""");
        Map<MessageType, JsonNode> bodies = new EnumMap<>(MessageType.class);
        text.forEach((type, body) -> {
            try {
                bodies.put(type, JSON.readTree(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(type + " example", e);
            }
        });
        return bodies;
    }
}
