import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load driver of the cross-province exchange benchmark (bench/run-exchange.sh): two instances of the
 * application on one machine, HL (default profile) and JL (partner profile), each in the other's partner
 * register. Single file, JDK only:
 *
 * <pre>
 * java bench/ExchangeLoad.java roundtrip --hl URL --jl URL [--tenders 400] [--threads 8] [--start-date 2031-01-06]
 *      [--per-slot 8] [--poll-ms 500] [--timeout 600] [--run-id ID] [--out file]
 * java bench/ExchangeLoad.java register  --hl URL [--tenders 1000] [--threads 8] [--start-date 2032-01-05] [--per-slot 8]
 *      --ids file [--expect-pending true] [--out file]
 * java bench/ExchangeLoad.java drain     --hl URL --jl URL --ids file --since-ms EPOCH_MS [--poll-ms 500] [--timeout 900]
 *      [--out file]
 * java bench/ExchangeLoad.java status    --hl URL [--jl URL]
 * </pre>
 *
 * Every tender is a cross-province one (SERVICES, 12,000,000.00 at HRB, committee of 5: the partner is asked
 * for 4 seats, the main venue keeps 1), registered by {@code staff-hrb}. Tender i of a run goes to slot
 * i / per-slot, counted in working-day half-days (Monday to Friday, AM then PM) from the start date, so
 * that the partner's cross-province workstations (12 at each of PROV, HRB, QQHR in the demo directory)
 * can host every request. The exchange's counters come from the operators' API
 * {@code GET /api/exchange/partners} of each side (account {@code demo}).
 *
 * <p>A tender's round trip is the time from its registration's answer (this process's clock) until the
 * tender's {@code venueArrangement.arrangedAt} (the server's clock, the same machine): the moment the
 * partner's offer was handled and the tender moved to AWAITING_EXPERT_DRAW. Polling only finds out when
 * everything is done: one request per poll for the count of tenders still AWAITING_PARTNER_ASSIGNMENT in
 * the run's date range, and each side's exchange counters; each tender is read once at the end.
 */
public class ExchangeLoad {

    static final String STAFF = "staff-hrb";
    static final String OPERATOR = "demo";
    static final String WAITING = "AWAITING_PARTNER_ASSIGNMENT";
    static final String DONE = "AWAITING_EXPERT_DRAW";

    static HttpClient client;
    static final Map<String, String> out = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            usage();
            System.exit(args.length == 0 ? 2 : 0);
        }
        String mode = args[0];
        Map<String, String> opts = parse(Arrays.copyOfRange(args, 1, args.length));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        switch (mode) {
            case "roundtrip" -> roundtrip(opts);
            case "register" -> registerOnly(opts);
            case "drain" -> drain(opts);
            case "status" -> status(opts);
            default -> {
                usage();
                System.exit(2);
            }
        }
        String file = opts.get("out");
        if (file != null) {
            try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8))) {
                out.forEach((k, v) -> writer.println(k + "=" + v));
            }
        }
    }

    static void usage() {
        System.out.println("usage: java bench/ExchangeLoad.java roundtrip|register|drain|status --hl URL [--jl URL] [options]"
                + " (see the class comment)");
    }

    // --- phase 1: registrations and their round trips --------------------------------------------------

    static void roundtrip(Map<String, String> opts) throws Exception {
        String hl = opts.getOrDefault("hl", "http://127.0.0.1:18180");
        String jl = opts.getOrDefault("jl", "http://127.0.0.1:18181");
        int tenders = Integer.parseInt(opts.getOrDefault("tenders", "400"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "8"));
        long pollMs = Long.parseLong(opts.getOrDefault("poll-ms", "500"));
        long timeoutMs = Long.parseLong(opts.getOrDefault("timeout", "600")) * 1000;
        Slots slots = new Slots(LocalDate.parse(opts.getOrDefault("start-date", "2031-01-06")),
                Integer.parseInt(opts.getOrDefault("per-slot", "8")));
        String runId = opts.getOrDefault("run-id", Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT));

        Traffic hl0 = traffic(hl, "JL");
        Traffic jl0 = traffic(jl, "HL");
        System.out.printf(Locale.ROOT, "[roundtrip] %d cross-province tenders on %s by %d clients, slots from %s (%d per half-day),"
                + " run id %s%n", tenders, hl, threads, slots.start, slots.perSlot, runId);
        System.out.println("  before: HL->JL " + hl0.outgoing + ", JL->HL " + jl0.outgoing);

        // Deliveries HL->JL and JL->HL, sampled about once a second while the phase runs (for the peak rate).
        List<long[]> samples = new ArrayList<>();
        long phaseStart = System.currentTimeMillis();
        Registrations reg = new Registrations(tenders);
        Thread registering = new Thread(() -> reg.run(hl, threads, slots, runId), "registering");
        registering.start();

        LocalDate from = slots.dateOf(0);
        LocalDate to = slots.dateOf(tenders - 1);
        long quietAt = -1;
        long lastChangeAt = phaseStart;
        long quietSince = -1;
        long lastProgressAt = phaseStart;
        long lastWaiting = Long.MAX_VALUE;
        long waiting;
        Traffic hl1 = hl0;
        Traffic jl1 = jl0;
        while (true) {
            Thread.sleep(pollMs);
            long now = System.currentTimeMillis();
            boolean registered = !registering.isAlive();
            waiting = countInState(hl, WAITING, from, to);
            Traffic hlNow = traffic(hl, "JL");
            Traffic jlNow = traffic(jl, "HL");
            if (hlNow.count("DELIVERED") != hl1.count("DELIVERED") || jlNow.count("DELIVERED") != jl1.count("DELIVERED")) {
                lastChangeAt = now;
            }
            hl1 = hlNow;
            jl1 = jlNow;
            samples.add(new long[] { now, hl1.count("DELIVERED"), jl1.count("DELIVERED") });
            if (waiting < lastWaiting || !registered) {
                lastProgressAt = now;
                lastWaiting = waiting;
            }
            boolean quiet = registered && hl1.unsent() == 0 && jl1.unsent() == 0 && hl1.received() == 0 && jl1.received() == 0;
            if (quiet && waiting == 0) {
                quietAt = now;
                break;
            }
            quietSince = quiet ? (quietSince < 0 ? now : quietSince) : -1;
            if (quietSince >= 0 && now - quietSince > 30_000) {
                System.out.printf(Locale.ROOT, "  the exchange is quiet for 30 s but %d tenders are still %s: stuck%n", waiting, WAITING);
                break;
            }
            if (now - phaseStart > timeoutMs || (registered && now - lastProgressAt > Math.min(timeoutMs, 180_000))) {
                System.out.printf(Locale.ROOT, "  gave up waiting: %d tenders still %s; HL->JL %s, JL->HL %s%n", waiting, WAITING,
                        hl1.outgoing, jl1.outgoing);
                break;
            }
        }
        registering.join();
        long wallEnd = lastChangeAt;

        // Each tender once: its state and when its venues were arranged.
        Outcomes outcomes = readOutcomes(hl, reg.ids(), reg.answeredAt());
        long[] roundTrips = outcomes.roundTrips(reg.answeredAt());
        Arrays.sort(roundTrips);
        long lastArranged = outcomes.lastArranged();
        double regSeconds = (reg.endedAt - phaseStart) / 1000.0;
        double arrangedSeconds = lastArranged > 0 ? (lastArranged - phaseStart) / 1000.0 : Double.NaN;
        double wallSeconds = (wallEnd - phaseStart) / 1000.0;
        long hlToJl = hl1.count("DELIVERED") - hl0.count("DELIVERED");
        long jlToHl = jl1.count("DELIVERED") - jl0.count("DELIVERED");
        long[] registrationLatency = reg.latencies();

        System.out.printf(Locale.ROOT, "  registrations: %d answered 201 in %.1f s (%.1f/s), errors %d, not cross-province %d;"
                + " latency ms p50 %d p99 %d max %d%n", reg.ids().size(), regSeconds, reg.ids().size() / regSeconds,
                reg.errors.sum(), reg.notCross.sum(), pct(registrationLatency, 50), pct(registrationLatency, 99),
                max(registrationLatency));
        reg.printErrors();
        System.out.printf(Locale.ROOT, "  last tender arranged %.1f s after the first registration; last delivery seen after %.1f s%s%n",
                arrangedSeconds, wallSeconds, quietAt > 0 ? "" : " (tenders left waiting)");
        System.out.printf(Locale.ROOT, "  delivered HL->JL %d (%.1f msgs/s over the phase; peak 5 s %.1f msgs/s), JL->HL %d"
                + " (%.1f msgs/s; peak 5 s %.1f msgs/s)%n", hlToJl, hlToJl / wallSeconds, peak(samples, 1, 5000), jlToHl,
                jlToHl / wallSeconds, peak(samples, 2, 5000));
        System.out.printf(Locale.ROOT, "  round trip (registration answer -> AWAITING_EXPERT_DRAW), %d tenders: ms p50 %d p90 %d"
                + " p99 %d max %d%n", roundTrips.length, pct(roundTrips, 50), pct(roundTrips, 90), pct(roundTrips, 99),
                max(roundTrips));
        outcomes.printStates();

        out.put("rt.tenders", Integer.toString(reg.ids().size()));
        out.put("rt.regErrors", Long.toString(reg.errors.sum()));
        out.put("rt.notCross", Long.toString(reg.notCross.sum()));
        out.put("rt.regSeconds", f1(regSeconds));
        out.put("rt.regRate", f1(reg.ids().size() / regSeconds));
        out.put("rt.regP50", Long.toString(pct(registrationLatency, 50)));
        out.put("rt.regP99", Long.toString(pct(registrationLatency, 99)));
        out.put("rt.arrangedSeconds", f1(arrangedSeconds));
        out.put("rt.wallSeconds", f1(wallSeconds));
        out.put("rt.complete", Boolean.toString(quietAt > 0));
        out.put("rt.hlToJl", Long.toString(hlToJl));
        out.put("rt.hlToJlRate", f1(hlToJl / wallSeconds));
        out.put("rt.hlToJlPeak", f1(peak(samples, 1, 5000)));
        out.put("rt.jlToHl", Long.toString(jlToHl));
        out.put("rt.jlToHlRate", f1(jlToHl / wallSeconds));
        out.put("rt.jlToHlPeak", f1(peak(samples, 2, 5000)));
        out.put("rt.arranged", Integer.toString(roundTrips.length));
        out.put("rt.p50", Long.toString(pct(roundTrips, 50)));
        out.put("rt.p90", Long.toString(pct(roundTrips, 90)));
        out.put("rt.p99", Long.toString(pct(roundTrips, 99)));
        out.put("rt.max", Long.toString(max(roundTrips)));
        out.put("rt.stuck", Integer.toString(reg.ids().size() - roundTrips.length));
        out.put("rt.states", outcomes.stateCounts().toString().replace(" ", ""));
        deadLetters("rt", hl, jl);
    }

    // --- phase 2, before the outage: registrations queued for a partner that is down --------------------

    static void registerOnly(Map<String, String> opts) throws Exception {
        String hl = opts.getOrDefault("hl", "http://127.0.0.1:18180");
        int tenders = Integer.parseInt(opts.getOrDefault("tenders", "1000"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "8"));
        Slots slots = new Slots(LocalDate.parse(opts.getOrDefault("start-date", "2032-01-05")),
                Integer.parseInt(opts.getOrDefault("per-slot", "8")));
        String runId = opts.getOrDefault("run-id", Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT));
        Path ids = Path.of(opts.getOrDefault("ids", "exchange-backlog.ids"));

        Traffic before = traffic(hl, "JL");
        System.out.printf(Locale.ROOT, "[register] %d cross-province tenders on %s by %d clients, slots from %s (%d per half-day)%n",
                tenders, hl, threads, slots.start, slots.perSlot);
        long start = System.currentTimeMillis();
        Registrations reg = new Registrations(tenders);
        reg.run(hl, threads, slots, runId);
        double seconds = (reg.endedAt - start) / 1000.0;
        long[] latency = reg.latencies();
        System.out.printf(Locale.ROOT, "  %d answered 201 in %.1f s (%.1f/s), errors %d, not cross-province %d; latency ms p50 %d"
                + " p99 %d max %d%n", reg.ids().size(), seconds, reg.ids().size() / seconds, reg.errors.sum(), reg.notCross.sum(),
                pct(latency, 50), pct(latency, 99), max(latency));
        reg.printErrors();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < reg.ids().size(); i++) {
            lines.add(reg.ids().get(i) + " " + reg.answeredAt().get(i));
        }
        lines.add(0, "# range " + slots.dateOf(0) + " " + slots.dateOf(tenders - 1));
        Files.write(ids, lines, StandardCharsets.UTF_8);

        // The requests leave after the registration's commit (an asynchronous listener): wait until all are queued.
        long expected = before.unsent() + reg.ids().size();
        Traffic now = traffic(hl, "JL");
        long waitStart = System.currentTimeMillis();
        if (Boolean.parseBoolean(opts.getOrDefault("expect-pending", "true"))) {
            while (now.unsent() < expected && System.currentTimeMillis() - waitStart < 120_000) {
                Thread.sleep(500);
                now = traffic(hl, "JL");
            }
        }
        System.out.printf(Locale.ROOT, "  HL's outbox for JL %.1f s after the last answer: %s (PENDING+SENDING %d, expected %d)%n",
                (System.currentTimeMillis() - reg.endedAt) / 1000.0, now.outgoing, now.unsent(), expected);
        out.put("bl.tenders", Integer.toString(reg.ids().size()));
        out.put("bl.regErrors", Long.toString(reg.errors.sum()));
        out.put("bl.notCross", Long.toString(reg.notCross.sum()));
        out.put("bl.regSeconds", f1(seconds));
        out.put("bl.regRate", f1(reg.ids().size() / seconds));
        out.put("bl.regP50", Long.toString(pct(latency, 50)));
        out.put("bl.regP99", Long.toString(pct(latency, 99)));
        out.put("bl.pending", Long.toString(now.count("PENDING")));
        out.put("bl.sending", Long.toString(now.count("SENDING")));
        out.put("bl.queued", now.outgoing.toString().replace(" ", ""));
    }

    // --- phase 2, after the outage: the backlog drains -------------------------------------------------

    static void drain(Map<String, String> opts) throws Exception {
        String hl = opts.getOrDefault("hl", "http://127.0.0.1:18180");
        String jl = opts.getOrDefault("jl", "http://127.0.0.1:18181");
        long since = Long.parseLong(opts.getOrDefault("since-ms", Long.toString(System.currentTimeMillis())));
        long pollMs = Long.parseLong(opts.getOrDefault("poll-ms", "500"));
        long timeoutMs = Long.parseLong(opts.getOrDefault("timeout", "900")) * 1000;
        List<String> lines = Files.readAllLines(Path.of(opts.getOrDefault("ids", "exchange-backlog.ids")), StandardCharsets.UTF_8);
        String[] range = lines.remove(0).split(" ");
        LocalDate from = LocalDate.parse(range[2]);
        LocalDate to = LocalDate.parse(range[3]);
        List<String> ids = new ArrayList<>();
        List<Long> answered = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            ids.add(parts[0]);
            answered.add(Long.parseLong(parts[1]));
        }

        Traffic hl0 = traffic(hl, "JL");
        Traffic jl0 = traffic(jl, "HL");
        long backlog = hl0.unsent();
        long delivered0 = hl0.count("DELIVERED");
        System.out.printf(Locale.ROOT, "[drain] %d tenders; JL up %.1f s ago; HL->JL %s, JL->HL %s%n", ids.size(),
                (System.currentTimeMillis() - since) / 1000.0, hl0.outgoing, jl0.outgoing);
        long firstDelivery = -1;
        long backlogDelivered = -1;
        long hlEmpty = -1;
        long allArranged = -1;
        long quiet = -1;
        long start = System.currentTimeMillis();
        long lastProgressAt = start;
        long lastDelivered = delivered0;
        long lastWaiting = Long.MAX_VALUE;
        long quietSince = -1;
        Traffic hl1 = hl0;
        Traffic jl1 = jl0;
        long waiting = -1;
        while (true) {
            Thread.sleep(pollMs);
            long now = System.currentTimeMillis();
            hl1 = traffic(hl, "JL");
            jl1 = traffic(jl, "HL");
            waiting = countInState(hl, WAITING, from, to);
            long delivered = hl1.count("DELIVERED");
            if (firstDelivery < 0 && delivered > delivered0) {
                firstDelivery = now;
            }
            if (backlogDelivered < 0 && delivered - delivered0 >= backlog) {
                backlogDelivered = now;
            }
            if (hlEmpty < 0 && hl1.unsent() == 0) {
                hlEmpty = now;
            }
            if (allArranged < 0 && waiting == 0) {
                allArranged = now;
            }
            if (waiting == 0 && hl1.unsent() == 0 && jl1.unsent() == 0 && hl1.received() == 0 && jl1.received() == 0) {
                quiet = now;
                break;
            }
            if (delivered > lastDelivered || waiting < lastWaiting) {
                lastProgressAt = now;
                lastDelivered = delivered;
                lastWaiting = waiting;
            }
            boolean exchangeQuiet = hl1.unsent() == 0 && jl1.unsent() == 0 && hl1.received() == 0 && jl1.received() == 0;
            quietSince = exchangeQuiet ? (quietSince < 0 ? now : quietSince) : -1;
            if (quietSince >= 0 && now - quietSince > 30_000) {
                System.out.printf(Locale.ROOT, "  the exchange is quiet for 30 s but %d tenders are still %s: stuck%n", waiting, WAITING);
                break;
            }
            if (now - start > timeoutMs || now - lastProgressAt > 180_000) {
                System.out.printf(Locale.ROOT, "  gave up waiting (%s): %d tenders still %s; HL->JL %s, JL->HL %s%n",
                        now - start > timeoutMs ? "timeout" : "no progress for 180 s", waiting, WAITING, hl1.outgoing, jl1.outgoing);
                break;
            }
        }
        Outcomes outcomes = readOutcomes(hl, ids, answered);
        long lastArranged = outcomes.lastArranged();
        long[] sinceUp = outcomes.sinceMillis(since);
        Arrays.sort(sinceUp);
        double firstS = secondsSince(firstDelivery, since);
        double backlogS = secondsSince(backlogDelivered, since);
        double hlEmptyS = secondsSince(hlEmpty, since);
        double arrangedPollS = secondsSince(allArranged, since);
        double arrangedS = secondsSince(lastArranged > 0 && outcomes.stuck() == 0 ? lastArranged : -1, since);
        double quietS = secondsSince(quiet, since);
        long hlToJl = hl1.count("DELIVERED") - delivered0;
        long jlToHl = jl1.count("DELIVERED") - jl0.count("DELIVERED");
        double backlogRate = backlogDelivered > 0 && firstDelivery > 0 && backlogDelivered > firstDelivery
                ? backlog / ((backlogDelivered - firstDelivery) / 1000.0) : Double.NaN;

        System.out.printf(Locale.ROOT, "  backlog at JL's start: %d HL->JL messages PENDING/SENDING%n", backlog);
        System.out.printf(Locale.ROOT, "  seconds after JL's health UP: first delivery %.1f; backlog delivered %.1f (%.1f msgs/s from"
                + " the first delivery); HL's outbox for JL empty %.1f; all tenders AWAITING_EXPERT_DRAW %.1f (last arrangedAt"
                + " %.1f); both sides quiet %.1f%n", firstS, backlogS, backlogRate, hlEmptyS, arrangedPollS, arrangedS, quietS);
        System.out.printf(Locale.ROOT, "  delivered during the drain: HL->JL %d, JL->HL %d; tenders arranged after JL's start: ms p50 %d"
                + " p90 %d p99 %d max %d%n", hlToJl, jlToHl, pct(sinceUp, 50), pct(sinceUp, 90), pct(sinceUp, 99), max(sinceUp));
        outcomes.printStates();
        out.put("dr.backlog", Long.toString(backlog));
        out.put("dr.firstDelivery", f1(firstS));
        out.put("dr.backlogDelivered", f1(backlogS));
        out.put("dr.backlogRate", f1(backlogRate));
        out.put("dr.hlEmpty", f1(hlEmptyS));
        out.put("dr.allArrangedPoll", f1(arrangedPollS));
        out.put("dr.allArranged", f1(arrangedS));
        out.put("dr.quiet", f1(quietS));
        out.put("dr.hlToJl", Long.toString(hlToJl));
        out.put("dr.jlToHl", Long.toString(jlToHl));
        out.put("dr.arranged", Integer.toString(sinceUp.length));
        out.put("dr.stuck", Integer.toString(outcomes.stuck()));
        out.put("dr.states", outcomes.stateCounts().toString().replace(" ", ""));
        out.put("dr.p50", Long.toString(pct(sinceUp, 50)));
        out.put("dr.p99", Long.toString(pct(sinceUp, 99)));
        out.put("dr.max", Long.toString(max(sinceUp)));
        deadLetters("dr", hl, jl);
    }

    static double secondsSince(long at, long since) {
        return at < 0 ? Double.NaN : (at - since) / 1000.0;
    }

    static void status(Map<String, String> opts) throws Exception {
        String hl = opts.get("hl");
        String jl = opts.get("jl");
        if (hl != null) {
            Traffic t = traffic(hl, "JL");
            System.out.println("HL, partner JL: out " + t.outgoing + " in " + t.incoming + " lastSent " + t.lastSent
                    + " lastHandled " + t.lastHandled + " waitingFor " + t.waitingFor);
            out.put("hl.out", t.outgoing.toString().replace(" ", ""));
            out.put("hl.pending", Long.toString(t.count("PENDING")));
            out.put("hl.unsent", Long.toString(t.unsent()));
        }
        if (jl != null) {
            Traffic t = traffic(jl, "HL");
            System.out.println("JL, partner HL: out " + t.outgoing + " in " + t.incoming + " lastSent " + t.lastSent
                    + " lastHandled " + t.lastHandled + " waitingFor " + t.waitingFor);
        }
    }

    /** Dead letters and failures on both sides: REFUSED/DEAD going out, FAILED (and LATE, SKIPPED) coming in. */
    static void deadLetters(String prefix, String hl, String jl) throws Exception {
        StringBuilder line = new StringBuilder("  dead letters and failures:");
        long total = 0;
        for (String[] side : new String[][] { { "HL", hl, "JL" }, { "JL", jl, "HL" } }) {
            Traffic t = traffic(side[1], side[2]);
            long refused = t.count("REFUSED");
            long dead = t.count("DEAD");
            long failed = t.incomingCount("FAILED");
            long late = t.incomingCount("LATE");
            long skipped = t.incomingCount("SKIPPED");
            total += refused + dead + failed + late + skipped;
            line.append(String.format(Locale.ROOT, " %s out REFUSED %d DEAD %d, in FAILED %d LATE %d SKIPPED %d%s;", side[0], refused,
                    dead, failed, late, skipped, t.waitingFor == null ? "" : " (waiting for #" + t.waitingFor + ")"));
            String p = prefix + "." + side[0].toLowerCase(Locale.ROOT);
            out.put(p + ".out", t.outgoing.toString().replace(" ", ""));
            out.put(p + ".in", t.incoming.toString().replace(" ", ""));
        }
        System.out.println(line);
        out.put(prefix + ".deadLetters", Long.toString(total));
    }

    // --- registrations ---------------------------------------------------------------------------------

    /** Tender i of a run: slot i / perSlot, in working-day half-days (AM, PM) from the start date. */
    record Slots(LocalDate start, int perSlot) {
        LocalDate dateOf(int i) {
            int day = (i / perSlot) / 2;
            LocalDate date = start;
            while (weekend(date)) {
                date = date.plusDays(1);
            }
            for (int d = 0; d < day; d++) {
                date = date.plusDays(1);
                while (weekend(date)) {
                    date = date.plusDays(1);
                }
            }
            return date;
        }

        String halfDayOf(int i) {
            return (i / perSlot) % 2 == 0 ? "AM" : "PM";
        }

        static boolean weekend(LocalDate date) {
            return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        }
    }

    static final class Registrations {
        final int total;
        final String[] ids;
        final long[] answered;
        final long[] latencyMs;
        final AtomicInteger next = new AtomicInteger();
        final LongAdder errors = new LongAdder();
        final LongAdder notCross = new LongAdder();
        final List<String> firstErrors = new ArrayList<>();
        volatile long endedAt;

        Registrations(int total) {
            this.total = total;
            this.ids = new String[total];
            this.answered = new long[total];
            this.latencyMs = new long[total];
            Arrays.fill(latencyMs, -1);
        }

        void run(String hl, int threads, Slots slots, String runId) {
            URI uri = URI.create(hl + "/api/tenders");
            String auth = basic(STAFF);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        String body = "{\"sectionCode\":\"XP-" + runId + "-" + i + "\",\"name\":\"跨省交换基准测试标段\""
                                + ",\"mainCenter\":\"HRB\",\"category\":\"SERVICES\",\"estimatedPrice\":\"12000000.00\""
                                + ",\"evaluationDate\":\"" + slots.dateOf(i) + "\",\"halfDay\":\"" + slots.halfDayOf(i) + "\""
                                + ",\"committee\":{\"size\":5,\"specialties\":[{\"code\":\"A01\",\"count\":3},{\"code\":\"B02\",\"count\":2}]}"
                                + ",\"regulationRequiresCrossProvince\":false,\"expertShortageAsserted\":false}";
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                .header("Authorization", auth).header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                        long start = System.nanoTime();
                        int status;
                        String answer;
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            status = response.statusCode();
                            answer = response.body();
                        } catch (IOException e) {
                            status = -1;
                            answer = e.toString();
                        } catch (InterruptedException e) {
                            return;
                        }
                        long now = System.currentTimeMillis();
                        latencyMs[i] = (System.nanoTime() - start) / 1_000_000;
                        if (status != 201) {
                            error(status, answer);
                            continue;
                        }
                        Object json = Json.parse(answer);
                        if (!"CROSS_PROVINCE".equals(Json.path(json, "scope"))) {
                            notCross.increment();
                            error(status, "scope " + Json.path(json, "scope") + ": " + answer);
                            continue;
                        }
                        ids[i] = (String) Json.path(json, "id");
                        answered[i] = now;
                    }
                }, "register-" + t);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            endedAt = System.currentTimeMillis();
        }

        void error(int status, String body) {
            errors.increment();
            synchronized (firstErrors) {
                if (firstErrors.size() < 5) {
                    String text = body == null ? "" : body.replaceAll("\\s+", " ");
                    firstErrors.add("HTTP " + status + ": " + (text.length() > 400 ? text.substring(0, 400) + "..." : text));
                }
            }
        }

        void printErrors() {
            synchronized (firstErrors) {
                firstErrors.forEach(e -> System.out.println("    " + e));
            }
        }

        List<String> ids() {
            List<String> list = new ArrayList<>();
            for (String id : ids) {
                if (id != null) {
                    list.add(id);
                }
            }
            return list;
        }

        List<Long> answeredAt() {
            List<Long> list = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                if (ids[i] != null) {
                    list.add(answered[i]);
                }
            }
            return list;
        }

        long[] latencies() {
            return Arrays.stream(latencyMs).filter(l -> l >= 0).sorted().toArray();
        }
    }

    // --- reading tenders -------------------------------------------------------------------------------

    /** Tenders of the run still in {@code state}: one list request, its total. */
    static long countInState(String hl, String state, LocalDate from, LocalDate to) throws Exception {
        Object page = getJson(hl + "/api/tenders?state=" + state + "&from=" + from + "&to=" + to + "&size=1", STAFF);
        return ((Number) Json.path(page, "total")).longValue();
    }

    static final class Outcomes {
        final List<String> ids;
        final String[] states;
        final long[] arrangedAt;

        Outcomes(List<String> ids) {
            this.ids = ids;
            this.states = new String[ids.size()];
            this.arrangedAt = new long[ids.size()];
        }

        long[] roundTrips(List<Long> answered) {
            List<Long> list = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (DONE.equals(states[i]) && arrangedAt[i] > 0) {
                    list.add(arrangedAt[i] - answered.get(i));
                }
            }
            return list.stream().mapToLong(Long::longValue).toArray();
        }

        long[] sinceMillis(long since) {
            List<Long> list = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (DONE.equals(states[i]) && arrangedAt[i] > 0) {
                    list.add(arrangedAt[i] - since);
                }
            }
            return list.stream().mapToLong(Long::longValue).toArray();
        }

        long lastArranged() {
            return Arrays.stream(arrangedAt).max().orElse(-1);
        }

        int stuck() {
            int n = 0;
            for (String state : states) {
                if (!DONE.equals(state)) {
                    n++;
                }
            }
            return n;
        }

        Map<String, Integer> stateCounts() {
            Map<String, Integer> counts = new TreeMap<>();
            for (String state : states) {
                counts.merge(state == null ? "?" : state, 1, Integer::sum);
            }
            return counts;
        }

        void printStates() {
            System.out.println("  tender states: " + stateCounts());
            int shown = 0;
            for (int i = 0; i < ids.size() && shown < 5; i++) {
                if (!DONE.equals(states[i])) {
                    System.out.println("    not arranged: " + ids.get(i) + " " + states[i]);
                    shown++;
                }
            }
        }
    }

    /** Reads every tender once (4 threads): its state and venueArrangement.arrangedAt. */
    static Outcomes readOutcomes(String hl, List<String> ids, List<Long> answered) throws InterruptedException {
        Outcomes outcomes = new Outcomes(ids);
        AtomicInteger next = new AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread reader = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < ids.size()) {
                    try {
                        Object tender = getJson(hl + "/api/tenders/" + ids.get(i), STAFF);
                        outcomes.states[i] = (String) Json.path(tender, "state");
                        Object at = Json.path(tender, "venueArrangement", "arrangedAt");
                        outcomes.arrangedAt[i] = at == null ? -1 : Instant.parse((String) at).toEpochMilli();
                    } catch (Exception e) {
                        outcomes.states[i] = "READ_FAILED";
                    }
                }
            });
            readers.add(reader);
            reader.start();
        }
        for (Thread reader : readers) {
            reader.join();
        }
        return outcomes;
    }

    // --- the exchange's counters -----------------------------------------------------------------------

    record Traffic(Map<String, Long> outgoing, Map<String, Long> incoming, long lastSent, long lastHandled, Object waitingFor) {
        long count(String state) {
            return outgoing.getOrDefault(state, 0L);
        }

        long incomingCount(String state) {
            return incoming.getOrDefault(state, 0L);
        }

        /** Messages to the partner not yet delivered (nor given up). */
        long unsent() {
            return count("PENDING") + count("SENDING");
        }

        /** Messages from the partner not yet handled. */
        long received() {
            return incomingCount("RECEIVED");
        }
    }

    /** This side's traffic with {@code partner} from GET /api/exchange/partners. */
    @SuppressWarnings("unchecked")
    static Traffic traffic(String base, String partner) throws Exception {
        List<Object> partners = (List<Object>) getJson(base + "/api/exchange/partners", OPERATOR);
        for (Object p : partners) {
            if (partner.equals(Json.path(p, "partner"))) {
                return new Traffic(counts(Json.path(p, "outgoing")), counts(Json.path(p, "incoming")),
                        ((Number) Json.path(p, "lastSent")).longValue(), ((Number) Json.path(p, "lastHandled")).longValue(),
                        Json.path(p, "waitingFor"));
            }
        }
        return new Traffic(new TreeMap<>(), new TreeMap<>(), 0, 0, null);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Long> counts(Object map) {
        Map<String, Long> counts = new TreeMap<>();
        if (map instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
        }
        return counts;
    }

    // --- HTTP and figures ------------------------------------------------------------------------------

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    static Object getJson(String url, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).header("Accept", "application/json").GET().build();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode() + " " + response.body());
                }
                return Json.parse(response.body());
            } catch (IOException e) {
                last = e;
                Thread.sleep(500);
            }
        }
        throw last;
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    static long max(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    /** The highest rate of column {@code col} over any window of at least {@code windowMs} between samples. */
    static double peak(List<long[]> samples, int col, long windowMs) {
        double best = 0;
        int j = 0;
        for (int i = 0; i < samples.size(); i++) {
            while (j < samples.size() && samples.get(j)[0] - samples.get(i)[0] < windowMs) {
                j++;
            }
            if (j == samples.size()) {
                break;
            }
            double rate = (samples.get(j)[col] - samples.get(i)[col]) * 1000.0 / (samples.get(j)[0] - samples.get(i)[0]);
            best = Math.max(best, rate);
        }
        return best;
    }

    static String f1(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String key = arg.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                opts.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < args.length) {
                opts.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
        }
        return opts;
    }

}
