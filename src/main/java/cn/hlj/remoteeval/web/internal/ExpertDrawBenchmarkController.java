package cn.hlj.remoteeval.web.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aopalliance.intercept.MethodInterceptor;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The drawer of {@code bench/run-expert-draw.sh}: runs a tender's pending {@code AwaitExpertDraw}
 * timer job (so that its {@code DrawExperts} job is created without waiting for the due date) or its
 * {@code DrawExperts} job, through Camunda's public {@link ManagementService#executeJob}, exactly as
 * the job executor would (one command and transaction, no person authenticated, failed-job handling on
 * an exception). The script starts the application with the job executor off.
 *
 * <p>Besides the time of {@code executeJob}, it answers the time spent inside the expert draw service's
 * {@code draw(tenderId)} during that call and, within it, in the collaborators it calls ({@link #TIMED}:
 * the slot lock, the pool's candidates, the exclusion screening, the seats, the SMS, the chain...),
 * taken by a method interceptor that exists only under this profile and only times a thread running a job
 * here. Classes are named by strings: {@code web} must not depend on the modules it times, some of which
 * depend on {@code web}. The interceptor records durations and never looks at arguments or results.
 *
 * <p>Exists only under the {@code bench} profile, and only for operators.
 */
@RestController
@Profile("bench")
@Hidden
class ExpertDrawBenchmarkController {

    static final String PROCESS = "tender-lifecycle";
    static final Set<String> ACTIVITIES = Set.of("AwaitExpertDraw", "DrawExperts");
    static final String DRAW_SERVICE = "cn.hlj.remoteeval.draw.internal.ExpertDrawService";
    static final String DRAW_METHOD = "draw";
    /** The collaborators of the draw timed while a draw runs: class name to method names. */
    static final Map<String, Set<String>> TIMED = Map.of(
            "cn.hlj.remoteeval.venue.internal.JdbcSeatBookings", Set.of("lockSlot", "seatPlan"),
            "cn.hlj.remoteeval.tender.internal.TenderFactsQuery", Set.of("find", "committeeRequirement"),
            "cn.hlj.remoteeval.expert.internal.PoolQueries", Set.of("available"),
            "cn.hlj.remoteeval.draw.internal.CommitteeSeats",
            Set.of("busyIn", "acceptedForTenderer", "everDrawn", "holding", "recordExclusions", "insert"),
            "cn.hlj.remoteeval.draw.internal.ExclusionRules", Set.of("screen"),
            "cn.hlj.remoteeval.draw.internal.ExpertDrawAlgorithm", Set.of("draw"),
            "cn.hlj.remoteeval.draw.internal.ExpertNotices", Set.of("invite"),
            "cn.hlj.remoteeval.tender.internal.TenderService", Set.of("expertsDrawn", "expertDrawFailed"),
            "cn.hlj.remoteeval.audit.internal.JdbcAuditLog", Set.of("append"),
            "cn.hlj.remoteeval.draw.internal.DrawChain", Set.of("append"));

    /** What the interceptor collects for one job execution in one request thread. */
    static final class Timings {
        long drawNanos;
        long drawCalls;
        int inDraw;
        final Map<String, long[]> phases = new LinkedHashMap<>();
    }

    /** Per request thread, set only while a job runs here. */
    private static final ThreadLocal<Timings> TIMINGS = new ThreadLocal<>();

    private final ManagementService management;
    private final RuntimeService runtime;
    private final CurrentActor actor;

    ExpertDrawBenchmarkController(ManagementService management, RuntimeService runtime, CurrentActor actor) {
        this.management = management;
        this.runtime = runtime;
        this.actor = actor;
    }

    /**
     * Times {@code ExpertDrawService.draw(String)} and, inside it, the {@link #TIMED} methods, for the
     * request thread that runs a job here; otherwise a plain call. Infrastructure role: without AspectJ,
     * Spring's auto-proxy creator applies only such advisors.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor expertDrawBenchmarkTimer() {
        StaticMethodMatcherPointcut pointcut = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                if (targetClass == null) {
                    return false;
                }
                String type = ClassUtils.getUserClass(targetClass).getName();
                if (DRAW_SERVICE.equals(type)) {
                    return DRAW_METHOD.equals(method.getName()) && method.getParameterCount() == 1
                            && method.getParameterTypes()[0] == String.class;
                }
                return TIMED.getOrDefault(type, Set.of()).contains(method.getName());
            }
        };
        MethodInterceptor timer = invocation -> {
            Timings timings = TIMINGS.get();
            if (timings == null) {
                return invocation.proceed();
            }
            Object target = invocation.getThis();
            String type = target == null ? "" : ClassUtils.getUserClass(target).getName();
            boolean draw = DRAW_SERVICE.equals(type);
            if (!draw && timings.inDraw == 0) {
                return invocation.proceed();
            }
            long start = System.nanoTime();
            if (draw) {
                timings.inDraw++;
            }
            try {
                return invocation.proceed();
            } finally {
                long elapsed = System.nanoTime() - start;
                if (draw) {
                    timings.inDraw--;
                    timings.drawNanos += elapsed;
                    timings.drawCalls++;
                } else {
                    long[] phase = timings.phases.computeIfAbsent(
                            type.substring(type.lastIndexOf('.') + 1) + "." + invocation.getMethod().getName(), k -> new long[2]);
                    phase[0] += elapsed;
                    phase[1]++;
                }
            }
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut, timer);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    /** The pending jobs of an activity (AwaitExpertDraw or DrawExperts): job id and tender id (business key). */
    @GetMapping("/api/bench/expert-draw-jobs")
    List<Map<String, String>> pending(@RequestParam(defaultValue = "DrawExperts") String activity) {
        requireOperator();
        if (!ACTIVITIES.contains(activity)) {
            throw ApiProblemException.invalid("activity", "只能是 " + ACTIVITIES);
        }
        List<Job> jobs = management.createJobQuery().processDefinitionKey(PROCESS).activityId(activity).list();
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
     * Executes one job and answers how long {@code executeJob} took in the server and, within it,
     * {@code draw()} (microseconds; {@code drawCalls} 0 for a timer job) and the timed methods inside
     * {@code draw()} ({@code phases}: name to [microseconds, calls]), or, with status 500, the exception
     * chain it ended with (operators only: it is a diagnostic).
     */
    @PostMapping("/api/bench/expert-draw-jobs/{jobId}")
    ResponseEntity<Map<String, Object>> execute(@PathVariable String jobId) {
        requireOperator();
        SecurityContext caller = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jobId", jobId);
        Timings timings = new Timings();
        TIMINGS.set(timings);
        long start = System.nanoTime();
        try {
            management.executeJob(jobId);
            times(answer, start, timings);
            return ResponseEntity.ok(answer);
        } catch (RuntimeException e) {
            times(answer, start, timings);
            answer.put("error", describe(e));
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(answer);
        } finally {
            TIMINGS.remove();
            SecurityContextHolder.setContext(caller);
        }
    }

    private static void times(Map<String, Object> answer, long start, Timings timings) {
        answer.put("micros", (System.nanoTime() - start) / 1_000);
        answer.put("drawMicros", timings.drawCalls == 0 ? -1 : timings.drawNanos / 1_000);
        answer.put("drawCalls", timings.drawCalls);
        Map<String, long[]> phases = new LinkedHashMap<>();
        timings.phases.forEach((name, t) -> phases.put(name, new long[] { t[0] / 1_000, t[1] }));
        answer.put("phases", phases);
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
