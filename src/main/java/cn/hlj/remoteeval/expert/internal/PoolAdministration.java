package cn.hlj.remoteeval.expert.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.expert.ExpertPoolChanged;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * The pool administrators' work on single experts: look them up, suspend, reinstate or disqualify
 * them, record leaves, declared relations and earlier project stages. Each request is one
 * transaction and is audited; audit details never hold personal data or free text. Reads are not
 * read-only transactions: their audit entry is written in them (MySQL refuses writes in those). A status
 * change publishes {@link ExpertPoolChanged} in its transaction; a leave does not (it does not take an
 * expert out of service).
 */
@Service
@Transactional
class PoolAdministration {

    static final String AUDIT_SUBJECT = "expert";

    private static final TypeReference<Map<String, String>> SNAPSHOT = new TypeReference<>() {
    };

    private final JdbcExperts experts;
    private final JdbcExpertDeclarations declarations;
    private final JdbcSpecialties specialties;
    private final ExpertWriter writer;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PoolAdministration(JdbcExperts experts, JdbcExpertDeclarations declarations, JdbcSpecialties specialties,
            ExpertWriter writer, PersonalDataCipher cipher, AuditLog audit, ObjectMapper json,
            ApplicationEventPublisher events, Clock clock) {
        this.experts = experts;
        this.declarations = declarations;
        this.specialties = specialties;
        this.writer = writer;
        this.cipher = cipher;
        this.audit = audit;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    ExpertViews.Page list(JdbcExperts.Filter filter, int page, int size, String actor) {
        Map<String, String> names = specialtyNames();
        List<ExpertViews.ListItem> items = new ArrayList<>();
        for (StoredExpert e : experts.page(filter, page * size, size)) {
            items.add(masked(e, names));
        }
        long total = experts.count(filter);
        audit.append(clock.instant(), actor, "EXPERTS_LISTED", AUDIT_SUBJECT, "*",
                "specialty=" + filter.specialtyCode() + ", city=" + filter.city() + ", status=" + filter.status()
                        + ", page=" + page + ", rows=" + items.size());
        return new ExpertViews.Page(items, page, size, total);
    }

    /**
     * The expert with this 身份证号 (already validated and normalised), masked like the list; found by its
     * blind index, so the number itself is never searched for, logged or audited.
     */
    java.util.Optional<ExpertViews.ListItem> lookUp(String idNumber, String actor) {
        String index = cipher.blindIndex(idNumber);
        java.util.Optional<ExpertViews.ListItem> found = java.util.Optional.ofNullable(
                experts.byIdNumberIndex(List.of(index)).get(index)).map(e -> masked(e, specialtyNames()));
        audit.append(clock.instant(), actor, "EXPERT_LOOKED_UP_BY_ID_NUMBER", AUDIT_SUBJECT,
                found.map(ExpertViews.ListItem::expertRef).orElse("*"), found.isPresent() ? "found" : "not found");
        return found;
    }

    private ExpertViews.ListItem masked(StoredExpert e, Map<String, String> names) {
        return new ExpertViews.ListItem(e.ref(), Masking.name(cipher.decrypt(e.nameEnc())),
                Masking.mobile(cipher.decrypt(e.mobileEnc())), Masking.idNumber(cipher.decrypt(e.idNumberEnc())),
                e.specialtyCode(), names.get(e.specialtyCode()), e.category(), e.category().label(), e.employer(),
                e.city(), e.status(), e.status().label());
    }

    ExpertViews.Detail detail(String ref, String actor) {
        StoredExpert e = load(ref);
        audit.append(clock.instant(), actor, "EXPERT_VIEWED", AUDIT_SUBJECT, e.ref(), null);
        return new ExpertViews.Detail(e.ref(), cipher.decrypt(e.nameEnc()), cipher.decrypt(e.idNumberEnc()),
                cipher.decrypt(e.mobileEnc()), e.specialtyCode(), specialtyNames().get(e.specialtyCode()), e.category(),
                e.category().label(), e.employer(), e.city(), e.status(), e.status().label(), e.statusReason(),
                e.version(), e.createdAt(), e.updatedAt(), declarations.leaves(e.ref()), declarations.relations(e.ref()),
                declarations.participations(e.ref()));
    }

    List<ExpertViews.HistoryEntry> history(String ref, String actor) {
        StoredExpert e = load(ref);
        List<ExpertViews.HistoryEntry> entries = new ArrayList<>();
        entries.add(new ExpertViews.HistoryEntry(0, e.createdAt(), e.createdBy(), e.createdSource(),
                Arrays.asList(ExpertWriter.CREATED_FIELDS.split(",")), Map.of()));
        for (JdbcExperts.HistoryLine line : experts.history(e.ref())) {
            entries.add(new ExpertViews.HistoryEntry(line.version(), line.changedAt(), line.changedBy(), line.source(),
                    Arrays.asList(line.changedFields().split(",")), previous(line.previousValuesEnc())));
        }
        audit.append(clock.instant(), actor, "EXPERT_HISTORY_VIEWED", AUDIT_SUBJECT, e.ref(), null);
        return entries;
    }

    /** A change to the status it already has changes nothing; a disqualification is final. */
    ExpertViews.StatusView changeStatus(String ref, ExpertStatus status, String reason, String actor) {
        StoredExpert e = load(ref);
        if (e.status() == status) {
            return statusView(e);
        }
        if (e.status() == ExpertStatus.DISQUALIFIED) {
            throw ApiProblemException.conflict("该专家已被取消资格，不能再恢复或暂停。", "status", "已取消资格的专家状态不能再变更");
        }
        Instant now = clock.instant();
        if (!experts.updateStatus(e.id(), e.version(), status, reason, now)) {
            throw ApiProblemException.conflict("该专家的信息刚被他人修改，请刷新后重试。", null, null);
        }
        Map<String, String> previous = new LinkedHashMap<>();
        previous.put("status", e.status().name());
        previous.put("statusReason", e.statusReason());
        experts.appendHistory(List.of(new JdbcExperts.HistoryLine(e.ref(), e.version() + 1, now, actor, "MANUAL",
                "status,statusReason", writer.snapshot(previous))));
        audit.append(now, actor, "EXPERT_STATUS_CHANGED", AUDIT_SUBJECT, e.ref(), e.status() + " -> " + status);
        events.publishEvent(new ExpertPoolChanged(now));
        return statusView(load(ref));
    }

    JdbcExpertDeclarations.Leave addLeave(String ref, LocalDate from, LocalDate to, String reason, String actor) {
        StoredExpert e = load(ref);
        Instant now = clock.instant();
        long id = declarations.addLeave(e.ref(), from, to, reason, actor, now);
        audit.append(now, actor, "EXPERT_LEAVE_ADDED", AUDIT_SUBJECT, e.ref(), "leave=" + id + ", " + from + ".." + to);
        return declarations.leaves(e.ref()).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
    }

    void removeLeave(String ref, long id, String actor) {
        StoredExpert e = load(ref);
        if (!declarations.removeLeave(e.ref(), id)) {
            throw ApiProblemException.notFound("该专家没有编号为 " + id + " 的请假记录。");
        }
        audit.append(clock.instant(), actor, "EXPERT_LEAVE_REMOVED", AUDIT_SUBJECT, e.ref(), "leave=" + id);
    }

    JdbcExpertDeclarations.Relation addRelation(String ref, String organisation, String relation, String actor) {
        StoredExpert e = load(ref);
        Instant now = clock.instant();
        long id;
        try {
            id = declarations.addRelation(e.ref(), organisation, relation, actor, now);
        } catch (DuplicateKeyException ex) {
            throw ApiProblemException.conflict("该专家已申报与该单位的关系。", "organisation", "已申报过该单位");
        }
        audit.append(now, actor, "EXPERT_RELATION_DECLARED", AUDIT_SUBJECT, e.ref(), "relation=" + id);
        return declarations.relations(e.ref()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    void removeRelation(String ref, long id, String actor) {
        StoredExpert e = load(ref);
        if (!declarations.removeRelation(e.ref(), id)) {
            throw ApiProblemException.notFound("该专家没有编号为 " + id + " 的回避申报。");
        }
        audit.append(clock.instant(), actor, "EXPERT_RELATION_REMOVED", AUDIT_SUBJECT, e.ref(), "relation=" + id);
    }

    JdbcExpertDeclarations.Participation addParticipation(String ref, String projectCode, String stage,
            String actor) {
        StoredExpert e = load(ref);
        Instant now = clock.instant();
        long id;
        try {
            id = declarations.addParticipation(e.ref(), projectCode, stage, actor, now);
        } catch (DuplicateKeyException ex) {
            throw ApiProblemException.conflict("已登记该专家参与过该项目的这一阶段。", "stage", "已登记过");
        }
        audit.append(now, actor, "EXPERT_PARTICIPATION_RECORDED", AUDIT_SUBJECT, e.ref(),
                "participation=" + id + ", project=" + projectCode);
        return declarations.participations(e.ref()).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    void removeParticipation(String ref, long id, String actor) {
        StoredExpert e = load(ref);
        if (!declarations.removeParticipation(e.ref(), id)) {
            throw ApiProblemException.notFound("该专家没有编号为 " + id + " 的项目参与记录。");
        }
        audit.append(clock.instant(), actor, "EXPERT_PARTICIPATION_REMOVED", AUDIT_SUBJECT, e.ref(),
                "participation=" + id);
    }

    /** 404 for a reference that is not an expert's (including one that is not even a UUID). */
    StoredExpert load(String ref) {
        if (!isUuid(ref)) {
            throw notFound();
        }
        return experts.find(ref).orElseThrow(PoolAdministration::notFound);
    }

    private static ApiProblemException notFound() {
        return ApiProblemException.notFound("专家不存在。");
    }

    private static boolean isUuid(String ref) {
        if (ref == null || ref.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(ref).toString().equals(ref);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Map<String, String> previous(String snapshot) {
        if (snapshot == null) {
            return Map.of();
        }
        try {
            return json.readValue(cipher.decrypt(snapshot), SNAPSHOT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("History snapshot could not be read");
        }
    }

    private Map<String, String> specialtyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        specialties.all().forEach(s -> names.put(s.code(), s.name()));
        return names;
    }

    private static ExpertViews.StatusView statusView(StoredExpert e) {
        return new ExpertViews.StatusView(e.ref(), e.status(), e.status().label(), e.statusReason(), e.version());
    }
}
