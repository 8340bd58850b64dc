package cn.hlj.remoteeval.testsupport;

import java.util.List;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.IdentityService;

/** Runs engine calls as a demo user of its groups, as Tasklist would on that user's behalf. */
public final class EngineActor {

    private EngineActor() {
    }

    public static <T> T as(IdentityService identity, String user, String group, Callable<T> action) throws Exception {
        return as(identity, user, List.of(group), action);
    }

    /** As a user of several groups: a hosting center's staff also hold the session's anonymous group. */
    public static <T> T as(IdentityService identity, String user, List<String> groups, Callable<T> action)
            throws Exception {
        identity.setAuthentication(user, groups);
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

    public static void as(IdentityService identity, String user, List<String> groups, Runnable action) throws Exception {
        as(identity, user, groups, () -> {
            action.run();
            return null;
        });
    }
}
