package cn.hlj.remoteeval.web.internal;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

import jakarta.ws.rs.ApplicationPath;

/**
 * Camunda's REST resources, plus the mapping of a refused task input to a 4xx answer
 * ({@link RefusedTaskInputMappers}): Camunda alone answers any exception from a task listener with 500.
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestResources extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(RefusedTaskInputMappers.FromRestException.class);
        register(RefusedTaskInputMappers.FromProcessEngineException.class);
        register(RefusedTaskInputMappers.FromApiProblem.class);
        register(RefusedTaskInputMappers.FromNullPointer.class);
        register(RefusedTaskInputMappers.FromJsonConstraints.class);
        register(RefusedTaskInputMappers.FromVariableConversion.class);
    }
}
