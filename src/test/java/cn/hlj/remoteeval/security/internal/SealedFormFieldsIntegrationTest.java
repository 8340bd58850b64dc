package cn.hlj.remoteeval.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** A sealed form field reaches the listener and no engine table, runtime or history. */
@RemoteEvalIntegrationTest
class SealedFormFieldsIntegrationTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSealedFieldIsHandedToTheListenerAndLeavesNoTraceInTheEngine() {
        repository.createDeployment().addClasspathResource("processes/sealed-form-field.bpmn").deploy();
        String instance = runtime.startProcessInstanceByKey("sealed-form-field").getId();
        String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        String canary = "封存文本-" + System.nanoTime();

        forms.submitTaskForm(task, Map.of("sealedNote", canary, "noteKind", "OTHER"));

        assertThat(TakeSealedFieldListener.TAKEN).contains(canary);
        assertThat(runtime.getVariables(instance)).containsOnlyKeys("noteKind");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                .extracting(v -> v.getName()).containsExactly("noteKind");
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance).list())
                .allSatisfy(detail -> assertThat(detail.toString()).doesNotContain("sealedNote"));
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY",
                "ACT_HI_OP_LOG")) {
            assertThat(jdbc.queryForList("SELECT * FROM " + table).toString()).as(table).doesNotContain(canary)
                    .doesNotContain("sealedNote");
        }
    }
}
