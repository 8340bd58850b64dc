package cn.hlj.remoteeval.anchor.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.RemoteEvalApplication;

/**
 * Starts {@code bpmn/published-heads-acknowledgement.bpmn}, whose user task puts the day's statement
 * in the provincial supervisors' Tasklist to check and archive outside this system. Its variables
 * are the statement's fields: counts, hashes and the signature, nothing about a tender.
 */
@Component
class HeadAcknowledgementProcess {

    static final String PROCESS_KEY = "published-heads-acknowledgement";
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final RuntimeService runtime;

    HeadAcknowledgementProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    static String businessKey(HeadStatement statement) {
        return "heads:" + statement.date();
    }

    /** Answers the process instance id. */
    String start(PublishedHead head) {
        HeadStatement s = head.statement();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("statementDate", s.date().toString());
        variables.put("province", s.province());
        variables.put("drawSeq", s.drawSeq());
        variables.put("drawHash", s.drawHash());
        variables.put("auditSealNo", s.auditSealNo());
        variables.put("auditHash", s.auditHash());
        variables.put("takenAt", BEIJING.format(LocalDateTime.ofInstant(s.takenAt(), ZoneId.of(RemoteEvalApplication.ZONE))) + "（北京时间）");
        variables.put("statementText", s.canonicalText());
        variables.put("statementHash", s.sha256Hex());
        variables.put("signature", head.signature());
        variables.put("publicKey", head.publicKey());
        variables.put("keyFingerprint", head.keyFingerprint());
        variables.put("timestamped", head.timestampToken() == null ? "无" : "有（RFC 3161）");
        return runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(s), variables).getId();
    }
}
