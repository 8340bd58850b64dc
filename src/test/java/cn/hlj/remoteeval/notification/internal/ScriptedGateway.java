package cn.hlj.remoteeval.notification.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** Answers with the scripted results in turn (then "sent"), remembering each message it was given. */
final class ScriptedGateway implements SmsGateway {

    private final Deque<Supplier<GatewayResult>> script = new ArrayDeque<>();
    final List<OutgoingSms> calls = new ArrayList<>();

    ScriptedGateway then(GatewayResult... results) {
        Arrays.stream(results).forEach(result -> script.add(() -> result));
        return this;
    }

    ScriptedGateway thenThrow(RuntimeException exception) {
        script.add(() -> {
            throw exception;
        });
        return this;
    }

    @Override
    public synchronized GatewayResult send(OutgoingSms sms) {
        calls.add(sms);
        Supplier<GatewayResult> next = script.poll();
        return next == null ? new GatewayResult.Sent("gw-" + calls.size()) : next.get();
    }
}
