package cn.hlj.remoteeval.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * Two scheduler nodes (same scheduler name, different instance ids, clustered) on the application's
 * database, as two application nodes run them: 50 triggers due within seconds, each job runs once.
 * The scheduler name is unique to the run, so the application's own scheduler stays out of it.
 */
@RemoteEvalIntegrationTest
class DeadlineClusterIntegrationTest {

    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    static final Map<String, String> RAN_ON = new ConcurrentHashMap<>();

    @Autowired
    DataSource dataSource;

    /** Counts its executions per trigger; both nodes run it. */
    public static class CountingJob implements Job {

        @Override
        public void execute(JobExecutionContext context) {
            String key = context.getTrigger().getKey().getName();
            RUNS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            try {
                RAN_ON.put(key, context.getScheduler().getSchedulerInstanceId());
                // Long enough that a second node would still see the trigger if the locks failed.
                Thread.sleep(50);
            } catch (SchedulerException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void twoNodesOnOneDatabaseRunEachTriggerExactlyOnce() throws Exception {
        String name = "cluster-test-" + UUID.randomUUID().toString().substring(0, 8);
        Scheduler nodeA = node(name, "node-a");
        Scheduler nodeB = node(name, "node-b");
        try {
            nodeA.start();
            nodeB.start();
            Instant base = Instant.now().plusSeconds(3);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String key = name + "-" + i;
                keys.add(key);
                JobDetail job = JobBuilder.newJob(CountingJob.class).withIdentity(key, "cluster-test").build();
                Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key, "cluster-test")
                        .startAt(Date.from(base.plusMillis(40L * i)))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build();
                // Half scheduled through each node, as requests reach either node.
                (i % 2 == 0 ? nodeA : nodeB).scheduleJob(job, trigger);
            }

            Instant limit = Instant.now().plus(Duration.ofSeconds(40));
            while (keys.stream().anyMatch(k -> !RUNS.containsKey(k)) && Instant.now().isBefore(limit)) {
                Thread.sleep(200);
            }
            // Time for a duplicate to show up.
            Thread.sleep(3_000);

            assertThat(keys).allSatisfy(k -> assertThat(RUNS.get(k)).as(k).isNotNull().hasValue(1));
            assertThat(keys.stream().map(RAN_ON::get).distinct()).isSubsetOf("node-a", "node-b");
        } finally {
            nodeA.shutdown(true);
            nodeB.shutdown(true);
        }
    }

    private Scheduler node(String name, String instanceId) throws Exception {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setSchedulerName(name);
        factory.setAutoStartup(false);
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "2000");
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "4");
        properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "4");
        properties.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
        factory.setQuartzProperties(properties);
        factory.afterPropertiesSet();
        return factory.getObject();
    }
}
