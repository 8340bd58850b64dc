package cn.hlj.remoteeval.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.Response;

/**
 * A form submitted at the same moment as another task of its process (the chaos run's last signatures
 * of a day and the centers' monthly reviews) lost on Camunda's optimistic lock: the engine REST API
 * answers 409 with what to do, in Camunda's error shape, instead of a 500.
 */
class RefusedTaskInputMappersUnitTest {

    @Test
    void aSubmissionThatLostToAConcurrentOneIsAConflictToResubmit() {
        RestException submit = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new OptimisticLockingException("ENGINE-03005 Execution of 'INSERT VariableInstanceEntity[x]' failed."),
                "Cannot submit task form t: ENGINE-03005");

        Response answer = new RefusedTaskInputMappers.FromRestException().toResponse(submit);

        assertThat(answer.getStatus()).isEqualTo(409);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) answer.getEntity();
        assertThat(body).containsEntry("type", "OptimisticLockingException")
                .containsEntry("message", "同一流程刚被他人同时办理，本次提交未保存，请重新提交。");
    }

    @Test
    void anotherServerErrorOfTheEngineStaysA500() {
        RestException submit = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new IllegalStateException("disk full"), "Cannot submit task form t");

        assertThat(new RefusedTaskInputMappers.FromRestException().toResponse(submit).getStatus()).isEqualTo(500);
    }
}
