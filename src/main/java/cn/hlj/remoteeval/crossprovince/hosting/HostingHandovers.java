package cn.hlj.remoteeval.crossprovince.hosting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.internal.Provinces;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

/**
 * This province as sub-venue hands a hosted session's A/V material over to the partner province (the
 * main venue) through the exchange (policy 八: within 5 working days of the evaluation): the hosting
 * center's staff state the medium, the time and each file with its SHA-256, the message goes to the
 * partner by its session's opaque code, and the partner's receipt is recorded when it comes back.
 */
@Service
@Transactional
class HostingHandovers {

    static final int MAX_ITEMS = 500;
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");
    /** A clock on a staff PC may run a little ahead of the server's. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);

    private final HostingStore hostings;
    private final SeatBookings bookings;
    private final ExchangeOutbox outbox;
    private final JdbcClient jdbc;
    private final CurrentActor actor;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final HostedSessions sessions;
    private final ApplicationEventPublisher events;

    HostingHandovers(HostingStore hostings, SeatBookings bookings, ExchangeOutbox outbox, JdbcClient jdbc, CurrentActor actor,
            AuditLog audit, ObjectMapper json, Clock clock, HostedSessions sessions, ApplicationEventPublisher events) {
        this.hostings = hostings;
        this.bookings = bookings;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.actor = actor;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.sessions = sessions;
        this.events = events;
    }

    /** The hand-over as the workbench shows it. */
    record HandoverView(String hostingId, String medium, Instant handedAt, int itemCount, String handedBy,
            Instant receiptedAt, Integer receivedCount) {
    }

    record Item(String fileName, String sha256) {
    }

    record HandoverRequest(String medium, String handedAt, List<Item> items) {
    }

    @Transactional(readOnly = true)
    Optional<HandoverView> view(String hostingId) {
        requireAllowed(load(hostingId));
        return existing(hostingId);
    }

    private Optional<HandoverView> existing(String hostingId) {
        return jdbc.sql("SELECT hosting_id, medium, handed_at, item_count, handed_by, receipted_at, received_count "
                + "FROM hosting_handover WHERE hosting_id = ?").param(hostingId)
                .query((rs, row) -> new HandoverView(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getInt(4), rs.getString(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        (Integer) rs.getObject(7)))
                .optional();
    }

    HandoverView handOver(String hostingId, HandoverRequest request) {
        PartnerHosting hosting = load(hostingId);
        return record(hosting, request, requireAllowed(hosting));
    }

    /**
     * The hosted session's task 移交音视频资料 (hosted-session): the engine offered it to the session's staff
     * only, so who completes it may hand over. Material already handed over on the workbench page counts:
     * the task then records nothing new and answers that hand-over.
     */
    HandoverView handOverAsTask(String hostingId, HandoverRequest request, String user) {
        PartnerHosting hosting = hostings.find(hostingId).orElseThrow(() -> new IllegalStateException("no hosting " + hostingId));
        Optional<HandoverView> done = existing(hostingId);
        return done.isPresent() ? done.get() : record(hosting, request, user);
    }

    private HandoverView record(PartnerHosting hosting, HandoverRequest request, String user) {
        String hostingId = hosting.id();
        if (hosting.state() != HostingState.ACTIVE) {
            throw ApiProblemException.conflict("该承接已取消，不能移交音视频资料。", null, null);
        }
        List<FieldViolation> violations = new ArrayList<>();
        String medium = medium(request == null ? null : request.medium(), violations);
        Instant handedAt = handedAt(request == null ? null : request.handedAt(), hosting, violations);
        ArrayNode items = items(request == null ? null : request.items(), violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        if (jdbc.sql("SELECT COUNT(*) FROM hosting_handover WHERE hosting_id = ?").param(hostingId).query(Long.class).single() > 0) {
            throw ApiProblemException.conflict("该场次的音视频资料已移交，不能重复移交。", null, null);
        }
        String session = bookings.sessionCodeOf(hosting.id(), hosting.centerCode())
                .orElseThrow(() -> new IllegalStateException("hosting " + hosting.id() + " has no session"));
        ObjectNode body = json.createObjectNode();
        body.put("sessionRef", session);
        body.put("medium", medium);
        body.put("handedAt", handedAt.toString());
        body.set("items", items);
        String messageId = outbox.send(hosting.partnerProvince(), MessageType.AV_HANDOVER, hosting.partnerTenderRef(), body, null);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO hosting_handover (hosting_id, message_id, medium, handed_at, item_count, items, handed_by, "
                + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(hostingId, messageId, medium, Timestamp.from(handedAt), items.size(), items.toString(), user,
                        Timestamp.from(now))
                .update();
        audit.append(now, user, "PARTNER_HOSTING_AV_HANDED_OVER", HostingService.AUDIT_SUBJECT, hostingId,
                "medium=" + medium + " items=" + items.size());
        sessions.materialHandedOver(hostingId);
        return new HandoverView(hostingId, medium, handedAt, items.size(), user, null, null);
    }

    /** The partner received and verified the material. */
    void receipted(String partner, String tenderRef, Instant receivedAt, int itemCount) {
        hostings.active(partner, tenderRef).ifPresent(hosting -> {
            int updated = jdbc.sql("UPDATE hosting_handover SET receipted_at = ?, received_count = ? WHERE hosting_id = ? "
                    + "AND receipted_at IS NULL").params(Timestamp.from(receivedAt), itemCount, hosting.id()).update();
            if (updated == 1) {
                audit.append(clock.instant(), ExchangeHostings.EXCHANGE_ACTOR_PREFIX + partner, "PARTNER_HOSTING_AV_RECEIPTED",
                        HostingService.AUDIT_SUBJECT, hosting.id(), "items=" + itemCount);
                events.publishEvent(new HostedMaterialReceipted(hosting.id()));
            }
        });
    }

    private PartnerHosting load(String hostingId) {
        return hostings.find(hostingId).orElseThrow(() -> ApiProblemException.notFound("承接记录不存在：" + hostingId));
    }

    /** The hosting center's staff hand their session's material over; the provincial center's staff may too. */
    private String requireAllowed(PartnerHosting hosting) {
        if (!actor.isStaffOf(hosting.centerCode()) && !actor.isStaffOf(Provinces.PROVINCIAL_CENTER)) {
            throw ApiProblemException.forbidden("只有承接该场次的交易中心或省公共资源交易中心的工作人员可以移交音视频资料。");
        }
        return actor.userId();
    }

    private static String medium(String value, List<FieldViolation> violations) {
        if (value == null || !List.of("ONLINE", "DISC", "DRIVE").contains(value.strip())) {
            violations.add(new FieldViolation("medium", "请选择移交介质：ONLINE（网络传输）、DISC（光盘）或 DRIVE（移动存储）"));
            return null;
        }
        return value.strip();
    }

    private Instant handedAt(String value, PartnerHosting hosting, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation("handedAt", "请填写移交时间"));
            return null;
        }
        Instant at;
        try {
            at = java.time.OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation("handedAt", "移交时间格式应为 2031-05-06T15:30:00+08:00"));
            return null;
        }
        if (at.isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
            violations.add(new FieldViolation("handedAt", "移交时间不能晚于现在"));
            return null;
        }
        // Entered to the minute at best: a hand-over in the minute the hosting was registered is not earlier.
        if (at.isBefore(hosting.registeredAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            violations.add(new FieldViolation("handedAt", "移交时间不能早于承接登记时间"));
            return null;
        }
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private ArrayNode items(List<Item> items, List<FieldViolation> violations) {
        ArrayNode array = json.createArrayNode();
        if (items == null || items.isEmpty()) {
            violations.add(new FieldViolation("items", "请至少列出 1 个文件及其 SHA-256 校验值"));
            return array;
        }
        if (items.size() > MAX_ITEMS) {
            violations.add(new FieldViolation("items", "文件不能超过 " + MAX_ITEMS + " 个"));
            return array;
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String path = "items[" + i + "]";
            String name = item == null || item.fileName() == null ? "" : item.fileName().strip();
            String sha = item == null || item.sha256() == null ? "" : item.sha256().strip().toLowerCase();
            if (name.isEmpty() || name.length() > 500 || name.contains("\n") || name.contains("\r")) {
                violations.add(new FieldViolation(path + ".fileName", "第 " + (i + 1) + " 个文件的文件名应为 1 至 500 个字符的一行"));
            }
            if (!SHA_256.matcher(sha).matches()) {
                violations.add(new FieldViolation(path + ".sha256", "第 " + (i + 1) + " 个文件的 SHA-256 校验值应为 64 位十六进制"));
            }
            ObjectNode node = array.addObject();
            node.put("no", i + 1);
            node.put("fileName", name);
            node.put("sha256", sha);
        }
        return array;
    }
}
