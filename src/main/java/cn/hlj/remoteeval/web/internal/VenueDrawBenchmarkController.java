package cn.hlj.remoteeval.web.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The drawer of {@code bench/run-venue-draw.sh}: runs a tender's pending {@code DrawVenues} job of
 * the lifecycle process through Camunda's public {@link ManagementService#executeJob}, so that the
 * benchmark's client threads, and nothing else, are the job executions that draw (the script starts
 * the application with the job executor off). The job runs exactly as the job executor would run it:
 * in the request thread, in one Camunda command and transaction, with no person authenticated (the
 * draw records {@code system} as its actor, as under the job executor). A failed execution goes
 * through Camunda's failed-job handling (retries decremented, the exception kept on the job).
 *
 * <p>Exists only under the {@code bench} profile, and only for operators.
 */
@RestController
@Profile("bench")
@Hidden
class VenueDrawBenchmarkController {

    static final String PROCESS = "tender-lifecycle";
    static final String ACTIVITY = "DrawVenues";

    private final ManagementService management;
    private final RuntimeService runtime;
    private final CurrentActor actor;

    VenueDrawBenchmarkController(ManagementService management, RuntimeService runtime, CurrentActor actor) {
        this.management = management;
        this.runtime = runtime;
        this.actor = actor;
    }

    /** The pending draw jobs: job id and tender id (the process business key), in no particular order. */
    @GetMapping("/api/bench/venue-draw-jobs")
    List<Map<String, String>> pending() {
        requireOperator();
        List<Job> jobs = management.createJobQuery().processDefinitionKey(PROCESS).activityId(ACTIVITY).list();
        Set<String> instanceIds = new HashSet<>();
        jobs.forEach(job -> instanceIds.add(job.getProcessInstanceId()));
        Map<String, String> businessKeys = new LinkedHashMap<>();
        if (!instanceIds.isEmpty()) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
                businessKeys.put(instance.getId(), instance.getBusinessKey());
            }
        }
        List<Map<String, String>> pending = new ArrayList<>();
        for (Job job : jobs) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("jobId", job.getId());
            row.put("tenderId", businessKeys.get(job.getProcessInstanceId()));
            row.put("retries", Integer.toString(job.getRetries()));
            pending.add(row);
        }
        return pending;
    }

    /**
     * Executes one draw job and answers how long {@code executeJob} took in the server (microseconds),
     * or, with status 500, the exception chain it ended with (operators only: it is a diagnostic).
     */
    @PostMapping("/api/bench/venue-draw-jobs/{jobId}")
    ResponseEntity<Map<String, Object>> execute(@PathVariable String jobId) {
        requireOperator();
        SecurityContext caller = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jobId", jobId);
        long start = System.nanoTime();
        try {
            management.executeJob(jobId);
            answer.put("micros", (System.nanoTime() - start) / 1_000);
            return ResponseEntity.ok(answer);
        } catch (RuntimeException e) {
            answer.put("micros", (System.nanoTime() - start) / 1_000);
            answer.put("error", describe(e));
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(answer);
        } finally {
            SecurityContextHolder.setContext(caller);
        }
    }

    private void requireOperator() {
        if (!actor.isOperator()) {
            throw ApiProblemException.forbidden("仅运维人员可执行基准测试的抽取作业。");
        }
    }

    /** The exception chain's classes and messages, innermost last. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1_500; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return text.length() > 1_500 ? text.substring(0, 1_500) : text.toString();
    }
}
