package cn.hlj.remoteeval.anchor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one path of {@code bpmn/published-heads-acknowledgement.bpmn} on the real model and form,
 * started the way the publisher starts it: the provincial supervisors get the task, its form shows
 * every field the statement carries, and archiving it ends the instance.
 */
@Deployment(resources = { "bpmn/published-heads-acknowledgement.bpmn", "forms/published-heads-acknowledgement.form" })
class PublishedHeadsAcknowledgementProcessUnitTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-unit-test.camunda.cfg.xml").build();

    private static final PublishedHead HEAD = new PublishedHead(new HeadStatement(LocalDate.of(2031, 6, 1), "HL", 42,
            "ab".repeat(32), 7, "cd".repeat(32), Instant.parse("2031-05-31T18:30:00Z")), "30450220" + "11".repeat(32),
            "04" + "22".repeat(64), "ef".repeat(32), null, Instant.parse("2031-05-31T18:30:01Z"));

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine.getProcessEngine());
    }

    @Test
    void theProvincialSupervisorsGetTheStatementToArchiveAndCompletingItEndsTheInstance() throws Exception {
        String id = new HeadAcknowledgementProcess(runtimeService()).start(HEAD);
        ProcessInstance instance = runtimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();

        assertThat(instance).isWaitingAt("AcknowledgePublishedHeads");
        assertThat(instance.getBusinessKey()).isEqualTo("heads:2031-06-01");
        assertThat(task(instance)).hasCandidateGroup("supervisor-PROV").isNotAssigned();
        assertThat(instance).variables().containsEntry("drawHash", "ab".repeat(32)).containsEntry("auditSealNo", 7L)
                .containsEntry("takenAt", "2031-06-01 02:30:00（北京时间）").containsEntry("timestamped", "无");
        assertThat(runtimeService().getVariables(id)).containsEntry("statementText", HEAD.statement().canonicalText());

        assertThat(formKeys()).containsAll(runtimeService().getVariables(id).keySet()).contains("headsArchived");
        assertThat(formService().getDeployedTaskForm(task(instance).getId())).isNotNull();

        complete(task(instance), Map.of("headsArchived", true));
        assertThat(instance).hasPassedInOrder("HeadsPublished", "AcknowledgePublishedHeads", "HeadsArchived").isEnded();
    }

    @Test
    void theFormIsInChineseAndOnlyTheArchiveCheckboxCanBeEntered() throws Exception {
        JsonNode form = form();
        assertThat(form.get("id").asText()).isEqualTo(HeadAcknowledgementProcess.PROCESS_KEY);
        List<String> editable = new ArrayList<>();
        for (JsonNode component : form.get("components")) {
            if (component.has("key") && !component.path("disabled").asBoolean()) {
                editable.add(component.get("key").asText());
            }
        }
        assertThat(editable).containsExactly("headsArchived");
        assertThat(form.toString()).contains("已核对并存档", "抽取链哈希", "审计链哈希", "签名", "公钥指纹");
    }

    private static List<String> formKeys() throws Exception {
        List<String> keys = new ArrayList<>();
        for (JsonNode component : form().get("components")) {
            if (component.has("key")) {
                keys.add(component.get("key").asText());
            }
        }
        return keys;
    }

    private static JsonNode form() throws Exception {
        try (InputStream in = PublishedHeadsAcknowledgementProcessUnitTest.class.getClassLoader()
                .getResourceAsStream("forms/published-heads-acknowledgement.form")) {
            return new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
