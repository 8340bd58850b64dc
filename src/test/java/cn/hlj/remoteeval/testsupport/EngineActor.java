package cn.hlj.remoteeval.testsupport;

import java.util.List;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.IdentityService;

/** Runs engine calls as a demo user of one group, as Tasklist would on that user's behalf. */
public final class EngineActor {

    private EngineActor() {
    }

    public static <T> T as(IdentityService identity, String user, String group, Callable<T> action) throws Exception {
        identity.setAuthentication(user, List.of(group));
        try {
            return action.call();
        } finally {
            identity.clearAuthentication();
        }
    }

    public static void as(IdentityService identity, String user, String group, Runnable action) throws Exception {
        as(identity, user, group, () -> {
            action.run();
            return null;
        });
    }
}
