package cn.hlj.remoteeval.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * DESIGN §3 "Deadlines": the models show the waiting and the escalation, but never compute working
 * days themselves. A model that waits on a deadline does it with both messages as non-interrupting
 * boundary events (the duty stays open after a reminder or a breach), and has no timer of its own.
 */
class DeadlinesInModelsUnitTest {

    private static final Pattern BOUNDARY = Pattern.compile(
            "<bpmn:boundaryEvent\\b([^>]*)>(.*?)</bpmn:boundaryEvent>", Pattern.DOTALL);
    private static final Pattern MESSAGE_REF = Pattern.compile("messageRef=\"([^\"]+)\"");
    /**
     * Models with other, policy-given timers (the expert draw's time, the answer window, the daily check, the
     * hosted session's day).
     */
    private static final List<String> MODELS_WITH_OWN_TIMERS = List.of("tender-lifecycle.bpmn",
            "expert-seat-confirmation.bpmn", "cross-province-capacity-check.bpmn", "hosted-session.bpmn");

    @Test
    void everyDeadlineIsWaitedForByBothMessagesWithoutInterruptingTheDutyAndWithoutATimer() throws IOException {
        List<String> waiting = new ArrayList<>();
        for (Path model : models()) {
            String xml = Files.readString(model);
            String name = model.getFileName().toString();
            List<String> reminders = new ArrayList<>();
            List<String> breaches = new ArrayList<>();
            Matcher boundary = BOUNDARY.matcher(xml);
            while (boundary.find()) {
                Matcher ref = MESSAGE_REF.matcher(boundary.group(2));
                if (!ref.find()) {
                    continue;
                }
                String message = messageName(xml, ref.group(1));
                if (message.equals(DeadlineVariables.MESSAGE_REMINDER) || message.equals(DeadlineVariables.MESSAGE_BREACHED)) {
                    assertThat(boundary.group(1)).as(name + ": " + message + " must not cancel the duty")
                            .contains("cancelActivity=\"false\"");
                    (message.equals(DeadlineVariables.MESSAGE_REMINDER) ? reminders : breaches).add(boundary.group(1));
                }
            }
            assertThat(reminders).as(name + ": a reminder for every breach").hasSameSizeAs(breaches);
            if (!breaches.isEmpty()) {
                waiting.add(name);
                if (!MODELS_WITH_OWN_TIMERS.contains(name)) {
                    assertThat(xml).as(name + " computes no time itself").doesNotContain("timerEventDefinition");
                }
            }
        }
        assertThat(waiting).contains("av-handover-leg.bpmn", "av-handover-tenderer-leg.bpmn", "clue-report.bpmn",
                "monthly-report.bpmn", "tender-lifecycle.bpmn", "hosted-session.bpmn");
    }

    private static String messageName(String xml, String messageId) {
        Matcher message = Pattern.compile("<bpmn:message id=\"" + Pattern.quote(messageId) + "\" name=\"([^\"]+)\"")
                .matcher(xml);
        return message.find() ? message.group(1) : messageId;
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }
}
