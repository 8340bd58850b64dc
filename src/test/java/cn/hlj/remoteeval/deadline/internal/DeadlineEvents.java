package cn.hlj.remoteeval.deadline.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import cn.hlj.remoteeval.deadline.DeadlineBreached;
import cn.hlj.remoteeval.deadline.DeadlineReminderDue;

/**
 * Records the deadline events the shared context publishes. Added to the running context (not a
 * bean), so that the shared test context stays the same for every test class.
 */
final class DeadlineEvents {

    private static final List<Object> SEEN = new CopyOnWriteArrayList<>();
    private static volatile ConfigurableApplicationContext registeredIn;

    private DeadlineEvents() {
    }

    static synchronized void listenTo(ConfigurableApplicationContext context) {
        if (registeredIn == context) {
            return;
        }
        context.addApplicationListener(event -> {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && (payload.getPayload() instanceof DeadlineReminderDue || payload.getPayload() instanceof DeadlineBreached)) {
                SEEN.add(payload.getPayload());
            }
        });
        registeredIn = context;
    }

    static List<DeadlineReminderDue> remindersOf(String deadlineId) {
        return SEEN.stream().filter(DeadlineReminderDue.class::isInstance).map(DeadlineReminderDue.class::cast)
                .filter(e -> e.deadlineId().equals(deadlineId)).toList();
    }

    static List<DeadlineBreached> breachesOf(String deadlineId) {
        return SEEN.stream().filter(DeadlineBreached.class::isInstance).map(DeadlineBreached.class::cast)
                .filter(e -> e.deadlineId().equals(deadlineId)).toList();
    }
}
