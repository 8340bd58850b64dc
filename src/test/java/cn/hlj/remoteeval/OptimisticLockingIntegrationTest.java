package cn.hlj.remoteeval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * STACK-NOTES trap 7: with JDBC batching the MySQL driver can hide the "0 rows updated" that
 * signals a lost update. Two completions of one task must never both succeed, on either database.
 */
@RemoteEvalIntegrationTest
class OptimisticLockingIntegrationTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    private Deployment deployment;

    @BeforeEach
    void deploy() {
        deployment = repository.createDeployment().name("concurrency-check")
                .addClasspathResource("processes/concurrent-completion.bpmn").deploy();
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deployment.getId(), true);
    }

    @Test
    void concurrentCompletionOfOneTaskLetsExactlyOneWin() throws Exception {
        String instanceId = runtime.startProcessInstanceByKey("concurrent-completion").getId();
        String taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
        BarrierTaskListener.barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);

        List<Future<?>> completions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            completions.add(pool.submit(() -> tasks.complete(taskId)));
        }
        int succeeded = 0;
        List<Throwable> failures = new ArrayList<>();
        for (Future<?> completion : completions) {
            try {
                completion.get(60, TimeUnit.SECONDS);
                succeeded++;
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        pool.shutdownNow();

        assertThat(succeeded).isEqualTo(1);
        assertThat(failures).hasSize(1);
        // Usually an OptimisticLockingException; when the winner has committed before the loser
        // reads the execution tree, the loser finds it gone. Either way it is refused, not lost.
        assertThat(failures.get(0)).isInstanceOfAny(OptimisticLockingException.class, ProcessEngineException.class);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
    }
}
