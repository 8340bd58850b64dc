package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.beacon.BeaconSignatures;
import cn.hlj.remoteeval.draw.beacon.DrandChain;
import cn.hlj.remoteeval.draw.internal.DocumentedVerifierAgreementUnitTest.Inputs;
import cn.hlj.remoteeval.draw.internal.docverifier.DocBeacon;
import cn.hlj.remoteeval.draw.internal.docverifier.DocRecord;
import cn.hlj.remoteeval.draw.internal.docverifier.DocSeedV2;
import cn.hlj.remoteeval.draw.internal.docverifier.DocSupervisor;
import cn.hlj.remoteeval.draw.internal.docverifier.DocumentedVerifier;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.testsupport.ControllableClock;

/**
 * Issue 18 item 6 for seed derivation v2: the verifier written from {@code src/docs/algorithms/} alone agrees with
 * the production notice path ({@link DrawNotices}, {@link DrawChain}, {@link ChainVerifier}) on 1,000 noticed venue
 * and expert draws: the notice's request, the entropy text, the derived seed, the result, the record hashes of notices
 * and draws, the chain with its unused notices, and the first fault of every documented way around the notice.
 *
 * <p>Every third draw mixes a supervisor's contribution (v2 §2.3) into the beacon's and some draws use it alone
 * ({@code sources=supervisor}, §2.1), revealed by a stand-in for the supervisor's page ({@link
 * RevealedSupervisorValues}); the application's check of such a contribution is {@link SupervisorContributionCheck},
 * known to the chain check as in the application ({@link EntropyConfiguration}), the documented one {@link
 * DocSupervisor}.
 */
class DocumentedVerifierV2AgreementUnitTest {

    private static final int DRAWS = 1_000;
    /** Draws announced at nearly the same time, drawn after the one beacon round their notices mostly share. */
    private static final int BATCH = 4;
    private static final int UNUSED_EVERY = 23;
    private static final int NEGOTIATED_EVERY = 50;
    /** Every third draw (but hosted ones, which run unattended: v2 Open points) has a supervisor beside the beacon. */
    private static final int SUPERVISED_EVERY = 3;
    /** Draws the supervisor's value alone decides (v2 §2.1), as where no beacon can be reached. */
    private static final int SUPERVISOR_ALONE_EVERY = 11;
    private static final Duration MARGIN = Duration.ofSeconds(6);
    private static final DocBeacon DEV_BEACON = DocBeacon.devBeacon(
            BeaconSignatures.publicKeyOf(TestEntropy.TEST_BEACON_KEY), 1577836800L, 3);
    private static final DrawVerifier PRODUCTION_VERIFIER = new DrawVerifier(new DrawAlgorithms(List.of(
            new VenueDrawAlgorithm(), new ExpertDrawAlgorithm())));

    /**
     * A documented way around the notice, applied to one draw of a chain, and the fault v2 §6 names for it; applied at
     * the draw {@code BEACON_ONLY} (the beacon alone), or at those with a supervisor: {@code WITH_BEACON} beside the
     * beacon, {@code ALONE} alone.
     */
    enum Tamper {
        NONE(null),
        SECOND_DRAW_ON_ONE_NOTICE("NOTICE_REUSED"),
        SECOND_DRAW_ON_ONE_NOTICE_FOR_ANOTHER_SUBJECT("NOTICE_REUSED"),
        SNAPSHOT_BEFORE_NOTICE("COMMITMENT_AFTER_SNAPSHOT"),
        SNAPSHOT_AFTER_RECORD("COMMITMENT_AFTER_SNAPSHOT"),
        OTHER_SUBJECTS_NOTICE_AND_SNAPSHOT_BEFORE_IT("NOTICE_MISMATCH"),
        NOTICE_OF_ANOTHER_ALGORITHM_REUSING_A_COMMITMENT("NOTICE_MISMATCH"),
        FORGED_SIGNATURE("ENTROPY_INVALID"),
        NO_NOTICE_AFTER_FIRST_NOTICE("NO_PRIOR_NOTICE"),
        NO_COMMITMENT_AFTER_FIRST_NOTICE("NO_PRIOR_NOTICE"),
        OTHER_SUBJECTS_NOTICE("NOTICE_MISMATCH"),
        OTHER_KIND_THAN_NOTICE("NOTICE_MISMATCH"),
        OTHER_ROUND_THAN_PLANNED("ENTROPY_INVALID"),
        ROUND_NOT_AFTER_SNAPSHOT("ENTROPY_INVALID"),
        CHANGED_ENTROPY_VALUE("RECORD_CHANGED"),
        /** A value other than the committed one, the seed derived from it and the record sealed: only §2.3 can tell. */
        SUPERVISOR_VALUE_CHANGED("ENTROPY_INVALID", WITH_BEACON, ALONE),
        SUPERVISOR_SALT_CHANGED("ENTROPY_INVALID", WITH_BEACON, ALONE),
        SUPERVISOR_REVEALED_BEFORE_SNAPSHOT("ENTROPY_INVALID", WITH_BEACON, ALONE),
        /** Another value with its own commitment and salt, consistent in itself, but not the commitment planned. */
        SUPERVISOR_COMMITMENT_NOT_PLANNED("ENTROPY_INVALID", WITH_BEACON, ALONE),
        /** The notice planned a value that is not well formed (leading blank) and it was revealed as committed. */
        SUPERVISOR_VALUE_NOT_WELL_FORMED("ENTROPY_INVALID", WITH_BEACON, ALONE),
        SUPERVISOR_SALT_NOT_LOWER_CASE("ENTROPY_INVALID", WITH_BEACON, ALONE),
        /** The notice planned the supervisor beside the beacon; the record drew on the beacon alone. */
        SUPERVISOR_LEFT_OUT("ENTROPY_INVALID", WITH_BEACON),
        /** The notice planned the beacon alone; the record mixed in a (well-formed) supervisor's contribution. */
        SUPERVISOR_ADDED("ENTROPY_INVALID", BEACON_ONLY),
        /** The supervisor's value changed in the stored record after it was sealed. */
        SUPERVISOR_VALUE_CHANGED_AFTER_SEALING("RECORD_CHANGED", ALONE),
        /**
         * An entry beyond the documented keys, chosen after the round (or the reveal), the seed derived from it and the
         * record sealed: the seed would be the server's to choose, so both refuse it (v2 §2, §2.3).
         */
        EXTRA_BEACON_KEY("ENTROPY_INVALID", BEACON_ONLY),
        EXTRA_SUPERVISOR_KEY("ENTROPY_INVALID", WITH_BEACON, ALONE);

        final String fault;
        final int[] at;

        Tamper(String fault, int... at) {
            this.fault = fault;
            this.at = at.length == 0 ? new int[] {BEACON_ONLY} : at;
        }
    }

    /** Where a chain is tampered: a draw with a beacon alone, the supervisor beside the beacon, the supervisor alone. */
    static final int BEACON_ONLY = 9;
    static final int WITH_BEACON = 10;
    static final int ALONE = 14;

    /** Which sources a draw's notice plans (v2 §2.1). */
    enum Planned {
        BEACON, BEACON_AND_SUPERVISOR, SUPERVISOR_ALONE
    }

    /** Draw {@code i}'s sources: hosted expert draws run unattended (v2 Open points), so never with a supervisor. */
    static Planned planned(int i, DrawKind kind) {
        if (kind == DrawKind.HOSTED_EXPERT) {
            return Planned.BEACON;
        }
        if (i % SUPERVISOR_ALONE_EVERY == 3) {
            return Planned.SUPERVISOR_ALONE;
        }
        return i % SUPERVISED_EVERY == 1 ? Planned.BEACON_AND_SUPERVISOR : Planned.BEACON;
    }

    /** What a supervisor typed and their page made (v2 §2.3), and when the server took the reveal. */
    record Committed(String value, String salt, long revealedMicrosAfterSnapshot) {
    }

    /**
     * A stand-in for the supervisor's source ({@link SupervisorEntropy} with its page): a commitment waits for the
     * draw of a subject and kind; a notice plans it; once the draw read its list the value is revealed, {@code
     * revealedAt} the instant the server took it, to the microsecond as the table keeps it. Until revealed the
     * commitment may be planned again by the next notice (an attempt that did not complete).
     */
    static final class RevealedSupervisorValues implements EntropySource {

        private final Map<String, Committed> open = new HashMap<>();
        private final Map<String, String> subjectByNotice = new HashMap<>();
        private final Map<String, String> revealedAtByNotice = new HashMap<>();

        void commit(String subject, DrawKind kind, Committed committed) {
            open.put(kind + " " + subject, committed);
        }

        String revealedAt(String noticeId) {
            return revealedAtByNotice.get(noticeId);
        }

        @Override
        public String id() {
            return SupervisorContributionCheck.ID;
        }

        @Override
        public Optional<SortedMap<String, String>> plan(NoticeDraft notice) {
            String key = notice.kind() + " " + notice.subjectId();
            Committed committed = open.get(key);
            if (committed == null) {
                return Optional.empty();
            }
            subjectByNotice.put(notice.noticeId(), key);
            // The page's commitment; the documented one is compared with it in the tests.
            return Optional.of(new TreeMap<>(Map.of("commitment",
                    SupervisorContributionCheck.commitmentOf(committed.value(), committed.salt()))));
        }

        @Override
        public SortedMap<String, String> collect(String noticeId, SortedMap<String, String> plan, Instant snapshotAt) {
            Committed committed = open.remove(subjectByNotice.get(noticeId));
            String revealedAt = snapshotAt.plus(committed.revealedMicrosAfterSnapshot(), ChronoUnit.MICROS)
                    .truncatedTo(ChronoUnit.MICROS).toString();
            revealedAtByNotice.put(noticeId, revealedAt);
            return new TreeMap<>(Map.of("commitment", plan.get("commitment"), "value", committed.value(), "salt",
                    committed.salt(), "revealedAt", revealedAt));
        }

        @Override
        public Optional<String> check(SortedMap<String, String> plan, SortedMap<String, String> contribution,
                Instant snapshotAt) {
            return new SupervisorContributionCheck().check(plan, contribution, snapshotAt);
        }
    }

    /**
     * One draw on the notice path: the notice as the clock saw it, the derived seed, the inputs and the record; which
     * sources it planned, and the supervisor's value and when it was revealed where one took part.
     */
    record Noticed2(Noticed noticed, Instant announcedFrom, Instant announcedTo, DerivedSeed seed, Inputs inputs,
            DrawRecord record, Planned planned, Committed supervisor, String revealedAt) {
    }

    /** A chain built with the production notice path on an in-memory store. */
    static final class Built {

        final ControllableClock clock = new ControllableClock();
        final InMemoryDrawStore store = new InMemoryDrawStore();
        final DrawChain chain = new DrawChain(store, new TestSalts(), clock);
        final TestSalts serverSeeds = new TestSalts();
        final RevealedSupervisorValues supervisor = new RevealedSupervisorValues();
        final DrawNotices notices = TestEntropy.notices(chain, serverSeeds, clock);
        final DrawNotices supervisedNotices = notices(new EntropySources(List.of(TestEntropy.beacon(clock), supervisor),
                List.of()));
        final DrawNotices supervisorAloneNotices = notices(new EntropySources(List.of(supervisor), List.of()));
        final List<Noticed2> draws = new ArrayList<>();
        final List<Noticed> unused = new ArrayList<>();
        final Random random;
        List<DrawRecord> records;

        Built(long seed, Instant start) {
            random = new Random(seed);
            clock.set(start);
        }

        private DrawNotices notices(EntropySources sources) {
            return new DrawNotices(chain, serverSeeds, sources, new CurrentActor(), clock,
                    TransactionOperations.withoutTransaction());
        }

        DrawNotices notices(Planned planned) {
            return switch (planned) {
                case BEACON -> notices;
                case BEACON_AND_SUPERVISOR -> supervisedNotices;
                case SUPERVISOR_ALONE -> supervisorAloneNotices;
            };
        }

        void advance(long maxMillis) {
            clock.set(clock.instant().plusMillis(random.nextInt((int) maxMillis + 1)));
        }

        ChainVerification verify() {
            return ChainVerifier.verify(records, store.allSecrets(), store.head(),
                    productionSources(TestEntropy.beacon(clock), clock));
        }

        DocumentedVerifier.ChainCheck verifyDocumented() {
            return DocumentedVerifier.verifyChain(
                    records.stream().map(DocumentedVerifierAgreementUnitTest::published).toList(), store.allSecrets(),
                    store.head().lastSeq(), store.head().lastHash(), List.of(DEV_BEACON));
        }
    }

    private static Built big;

    @BeforeAll
    static void drawOnTheProductionNoticePath() {
        big = build(18_07_2026L, DRAWS, Tamper.NONE, -1);
    }

    /**
     * {@code draws} noticed draws in batches, with unused notices and negotiated records between them; a supervisor
     * committed to the draws {@link #planned} says.
     */
    static Built build(long seed, int draws, Tamper tamper, int tamperAt) {
        Built b = new Built(seed, Instant.parse("2032-03-01T01:00:00.250Z"));
        for (int first = 0; first < draws; first += BATCH) {
            List<Inputs> inputs = new ArrayList<>();
            List<String> subjects = new ArrayList<>();
            List<Noticed> noticed = new ArrayList<>();
            List<Planned> plannedSources = new ArrayList<>();
            List<Committed> committed = new ArrayList<>();
            List<Instant[]> announced = new ArrayList<>();
            int last = Math.min(first + BATCH, draws);
            for (int i = first; i < last; i++) {
                if (i % NEGOTIATED_EVERY == 7) {
                    b.chain.append(DocumentedVerifierAgreementUnitTest.negotiatedRecord(b.random, i), null);
                }
                Inputs in = i % 2 == 0 ? DocumentedVerifierAgreementUnitTest.venueInputs(b.random)
                        : DocumentedVerifierAgreementUnitTest.expertInputs(b.random);
                String subject = (in.kind() == DrawKind.HOSTED_EXPERT ? "h-" : "t-") + i;
                Planned planned = planned(i, in.kind());
                Committed supervisor = null;
                if (planned != Planned.BEACON) {
                    // On the page 监督随机数, before the notice: the value, the page's salt, the commitment.
                    String value = supervisorValue(b.random);
                    String salt = HexFormat.of().formatHex(DocumentedVerifierAgreementUnitTest.bytes(b.random), 0, 16);
                    if (i == tamperAt && tamper == Tamper.SUPERVISOR_VALUE_NOT_WELL_FORMED) {
                        value = " " + (1 + b.random.nextInt(999_999));
                    }
                    if (i == tamperAt && tamper == Tamper.SUPERVISOR_SALT_NOT_LOWER_CASE) {
                        salt = "A" + salt.substring(1).toUpperCase();
                    }
                    supervisor = new Committed(value, salt, b.random.nextInt(8) == 0 ? 0
                            : 1_000L * b.random.nextInt(4_000) + (b.random.nextBoolean() ? b.random.nextInt(1_000) : 0));
                    b.supervisor.commit(subject, in.kind(), supervisor);
                }
                if (i % UNUSED_EVERY == 5) {
                    // an attempt that did not complete; an unrevealed commitment is planned again by the next
                    b.unused.add(b.notices(planned).announce(in.kind(), subject));
                    b.advance(300);
                }
                Instant from = b.clock.instant();
                noticed.add(b.notices(planned).announce(in.kind(), subject));
                announced.add(new Instant[] {from, b.clock.instant()});
                inputs.add(in);
                subjects.add(subject);
                plannedSources.add(planned);
                committed.add(supervisor);
                b.advance(400);
            }
            List<DerivedSeed> seeds = new ArrayList<>();
            Instant latestRound = Instant.EPOCH;
            for (int j = 0; j < noticed.size(); j++) {
                b.advance(700); // lock and read the eligible list
                Instant snapshot = b.clock.instant();
                if (first + j == tamperAt && (tamper == Tamper.SNAPSHOT_BEFORE_NOTICE
                        || tamper == Tamper.OTHER_SUBJECTS_NOTICE_AND_SNAPSHOT_BEFORE_IT)) {
                    snapshot = noticed.get(j).notice().createdAt().minusSeconds(5);
                }
                if (first + j == tamperAt && tamper == Tamper.ROUND_NOT_AFTER_SNAPSHOT) {
                    snapshot = DEV_BEACON.timeOf(round(noticed.get(j)));
                }
                seeds.add(b.notices(plannedSources.get(j)).seedAfterSnapshot(noticed.get(j), snapshot));
                if (plannedSources.get(j) != Planned.SUPERVISOR_ALONE) {
                    Instant roundTime = DEV_BEACON.timeOf(round(noticed.get(j)));
                    latestRound = roundTime.isAfter(latestRound) ? roundTime : latestRound;
                }
            }
            // The draws wait for their round, then record.
            if (latestRound.isAfter(b.clock.instant())) {
                b.clock.set(latestRound);
            }
            for (int j = 0; j < noticed.size(); j++) {
                b.advance(900);
                int i = first + j;
                Tamper t = i == tamperAt ? tamper : Tamper.NONE;
                DerivedSeed collected = seeds.get(j);
                DerivedSeed derived = switch (t) {
                    case FORGED_SIGNATURE -> DrawNoticeUnitTest.withEntropy(collected, forged(collected.entropy()));
                    case OTHER_ROUND_THAN_PLANNED -> DrawNoticeUnitTest.withEntropy(collected,
                            DrawNoticeUnitTest.otherRound(collected.entropy()));
                    case SUPERVISOR_VALUE_CHANGED -> withSupervisor(collected, c -> {
                        c.put("value", otherValue(c.get("value")));
                        return c;
                    });
                    case SUPERVISOR_SALT_CHANGED -> withSupervisor(collected, c -> {
                        c.put("salt", (c.get("salt").charAt(0) == 'f' ? "e" : "f") + c.get("salt").substring(1));
                        return c;
                    });
                    case SUPERVISOR_REVEALED_BEFORE_SNAPSHOT -> withSupervisor(collected, c -> {
                        c.put("revealedAt", collected.snapshotAt().truncatedTo(ChronoUnit.SECONDS)
                                .minusMillis(1 + b.random.nextInt(3_000)).toString());
                        return c;
                    });
                    case SUPERVISOR_COMMITMENT_NOT_PLANNED -> withSupervisor(collected, c -> {
                        String value = otherValue(c.get("value"));
                        c.put("value", value);
                        c.put("commitment", SupervisorContributionCheck.commitmentOf(value, c.get("salt")));
                        return c;
                    });
                    case SUPERVISOR_LEFT_OUT -> withSupervisor(collected, c -> null);
                    case EXTRA_SUPERVISOR_KEY -> withSupervisor(collected, c -> {
                        c.put("note", "chosen after the reveal");
                        return c;
                    });
                    case EXTRA_BEACON_KEY -> {
                        TreeMap<String, String> e = new TreeMap<>(Canonical.decode(collected.entropy()));
                        e.put("dev-beacon.note", "chosen after the round");
                        yield DrawNoticeUnitTest.withEntropy(collected, Canonical.encode(e));
                    }
                    case SUPERVISOR_ADDED -> {
                        String value = supervisorValue(b.random);
                        String salt = "0123456789abcdef0123456789abcdef";
                        yield withSupervisor(collected, c -> new TreeMap<>(Map.of("commitment",
                                SupervisorContributionCheck.commitmentOf(value, salt), "value", value, "salt", salt,
                                "revealedAt", collected.snapshotAt().plusSeconds(1).toString())));
                    }
                    default -> collected;
                };
                Inputs in = inputs.get(j);
                if (t == Tamper.SNAPSHOT_AFTER_RECORD) {
                    derived = new DerivedSeed(derived.serverSeed(), derived.seed(), derived.noticeId(),
                            derived.noticeHash(), derived.entropy(), b.clock.instant().plusSeconds(30));
                }
                String result = in.draw().apply(derived.stream());
                DrawKind kind = t == Tamper.OTHER_KIND_THAN_NOTICE
                        ? (in.kind() == DrawKind.VENUE ? DrawKind.EXPERT : DrawKind.VENUE) : in.kind();
                String subject = t == Tamper.OTHER_SUBJECTS_NOTICE
                        || t == Tamper.OTHER_SUBJECTS_NOTICE_AND_SNAPSHOT_BEFORE_IT ? "t-other" : subjects.get(j);
                if (t == Tamper.NOTICE_OF_ANOTHER_ALGORITHM_REUSING_A_COMMITMENT) {
                    DrawRecord notice = noticed.get(j).notice();
                    b.chain.append(new NewDraw(DocumentedVerifierAgreementUnitTest.uuid(b.random), DrawKind.NOTICE,
                            notice.tenderId(), "draw-notice/v1", notice.seedCommitment(), "", notice.request(), "",
                            "system"), noticed.get(j).serverSeed());
                }
                NewDraw draw = new NewDraw(DocumentedVerifierAgreementUnitTest.uuid(b.random), kind, subject,
                        v2(in.algorithm()), derived.commitment(), in.eligibleList(), in.request(), result,
                        b.random.nextBoolean() ? "system" : "u-" + b.random.nextInt(1000));
                if (t == Tamper.NO_COMMITMENT_AFTER_FIRST_NOTICE) { // a random draw's kind, recorded like a negotiation
                    b.chain.append(new NewDraw(draw.id(), kind, subject, in.algorithm(), null, in.eligibleList(),
                            in.request(), result, draw.actor()), null);
                    b.unused.add(noticed.get(j));
                    continue;
                }
                if (t == Tamper.NO_NOTICE_AFTER_FIRST_NOTICE) {
                    DrawSeed own = DrawSeed.of(DocumentedVerifierAgreementUnitTest.bytes(b.random));
                    b.chain.append(new NewDraw(draw.id(), kind, subject, in.algorithm(), own.commitment(),
                            in.eligibleList(), in.request(), in.draw().apply(own.stream()), draw.actor()), own);
                    b.unused.add(noticed.get(j));
                    continue;
                }
                DrawRecord record = b.chain.append(draw.noticed(derived), derived.serverSeed());
                b.draws.add(new Noticed2(noticed.get(j), announced.get(j)[0], announced.get(j)[1], derived, in,
                        record, plannedSources.get(j), committed.get(j),
                        b.supervisor.revealedAt(noticed.get(j).notice().id())));
                if (t == Tamper.SECOND_DRAW_ON_ONE_NOTICE
                        || t == Tamper.SECOND_DRAW_ON_ONE_NOTICE_FOR_ANOTHER_SUBJECT) {
                    b.advance(900);
                    b.chain.append(new NewDraw(DocumentedVerifierAgreementUnitTest.uuid(b.random), kind,
                            t == Tamper.SECOND_DRAW_ON_ONE_NOTICE ? subject : "t-other",
                            v2(in.algorithm()), derived.commitment(), in.eligibleList(), in.request(), result,
                            "system").noticed(derived), derived.serverSeed());
                }
            }
        }
        b.records = new ArrayList<>(b.store.all());
        if (tamper == Tamper.CHANGED_ENTROPY_VALUE || tamper == Tamper.SUPERVISOR_VALUE_CHANGED_AFTER_SEALING) {
            DrawRecord r = b.draws.stream().filter(d -> d.record().tenderId().endsWith("-" + tamperAt)).findFirst()
                    .orElseThrow().record();
            TreeMap<String, String> entropy = new TreeMap<>(Canonical.decode(r.entropy()));
            if (tamper == Tamper.CHANGED_ENTROPY_VALUE) {
                entropy.put("dev-beacon.randomness", "0".repeat(64));
            } else {
                entropy.put("supervisor.value", otherValue(entropy.get("supervisor.value")));
            }
            b.records.set((int) r.seq() - 1, withEntropy(r, Canonical.encode(entropy)));
        }
        return b;
    }

    @Test
    void theDocumentedNoticeRequestIsTheProductionNoticeAndItsRecord() {
        int plannedLaterThanItsCreatedAtSays = 0;
        for (Noticed2 d : big.draws) {
            DrawRecord notice = d.noticed().notice();
            Map<String, Map<String, String>> plans = new TreeMap<>();
            if (d.planned() != Planned.SUPERVISOR_ALONE) {
                long round = round(d.noticed());
                assertThat(round).isBetween(DEV_BEACON.plannedRound(d.announcedFrom(), MARGIN),
                        DEV_BEACON.plannedRound(d.announcedTo(), MARGIN));
                if (round != DEV_BEACON.plannedRound(notice.createdAt(), MARGIN)) {
                    plannedLaterThanItsCreatedAtSays++;
                }
                plans.put("dev-beacon", DocSeedV2.beaconPlan(DEV_BEACON, round));
            }
            if (d.planned() != Planned.BEACON) {
                // v2 §2.3: the commitment the page made, hex(SHA256(UTF8(value + "\n" + salt)))
                plans.put(DocSupervisor.ID, DocSupervisor.plan(DocSupervisor.commitment(d.supervisor().value(),
                        d.supervisor().salt())));
            }
            assertThat(notice.request()).isEqualTo(DocSeedV2.noticeRequest(d.inputs().kind().name(), plans));
            assertThat(notice.kind()).isEqualTo(DrawKind.NOTICE);
            assertThat(notice.algorithm()).isEqualTo("draw-notice/v2");
            assertThat(notice.tenderId()).isEqualTo(d.record().tenderId());
            assertThat(notice.seedCommitment()).isEqualTo(DocumentedVerifier.seedCommitment(
                    d.noticed().serverSeed().bytes()));
            assertThat(notice.eligibleList()).isEmpty();
            assertThat(notice.result()).isEmpty();
            assertThat(notice.noticeId()).isNull();
            assertThat(notice.seq()).isLessThan(d.record().seq());
        }
        // The notice time of v2 §1 is the clock's, not createdAt truncated to seconds: they differ in some rounds.
        assertThat(plannedLaterThanItsCreatedAtSays).isPositive();
    }

    @Test
    void theDocumentedEntropyTextAndDerivedSeedAreTheProductionOnesAndTheResultsFollow() {
        for (Noticed2 d : big.draws) {
            DrawRecord record = d.record();
            Map<String, Map<String, String>> contributions = new TreeMap<>();
            if (d.planned() != Planned.SUPERVISOR_ALONE) {
                long round = round(d.noticed());
                contributions.put("dev-beacon", DocSeedV2.beaconContribution(DEV_BEACON, round,
                        BeaconSignatures.sign(TestEntropy.TEST_BEACON_KEY, round)));
            }
            if (d.planned() != Planned.BEACON) {
                Committed c = d.supervisor();
                // the application accepts the value at reveal; the documented §2.3 finds it well formed
                assertThat(SupervisorContributionCheck.valueFault(c.value())).as(c.value()).isEmpty();
                assertThat(DocSupervisor.wellFormedValue(c.value())).as(c.value()).isTrue();
                assertThat(DocSupervisor.wellFormedSalt(c.salt())).isTrue();
                contributions.put(DocSupervisor.ID, DocSupervisor.contribution(DocSupervisor.commitment(c.value(),
                        c.salt()), c.value(), c.salt(), d.revealedAt()));
                assertThat(Instant.parse(d.revealedAt()))
                        .isAfterOrEqualTo(d.seed().snapshotAt().truncatedTo(ChronoUnit.MICROS));
            }
            assertThat(record.entropy()).isEqualTo(DocSeedV2.entropyText(contributions));
            byte[] seed = DocSeedV2.derivedSeed(d.noticed().serverSeed().bytes(), d.noticed().notice().recordHash(),
                    record.entropy());
            assertThat(seed).isEqualTo(d.seed().seed().bytes());
            assertThat(record.noticeHash()).isEqualTo(d.noticed().notice().recordHash());
            assertThat(DocumentedVerifier.recompute(record.algorithm(), seed, record.request(), record.eligibleList()))
                    .as("%s%n%s%n%s", record.algorithm(), record.request(), record.eligibleList())
                    .isEqualTo(record.result());
        }
    }

    @Test
    void theDrawsMixVenueAndExpertDrawsDrawnAndNot() {
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> sources = new TreeMap<>();
        Map<String, Integer> values = new TreeMap<>();
        for (Noticed2 d : big.draws) {
            String outcome = d.record().result().startsWith("NO_RANDOM_PICK") ? "NO_RANDOM_PICK" : "drawn";
            outcomes.merge(d.record().kind() + " " + d.record().algorithm() + " " + outcome, 1, Integer::sum);
            String named = Canonical.decode(d.record().entropy()).get("sources");
            sources.merge(named, 1, Integer::sum);
            if (d.supervisor() != null) {
                sources.merge(d.record().kind() + " " + named, 1, Integer::sum);
                String v = d.supervisor().value();
                List<String> shapes = new ArrayList<>();
                shapes.add(v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                        ? "Chinese" : "other");
                if (v.length() != v.codePointCount(0, v.length())) {
                    shapes.add("beyond the BMP");
                }
                if (v.length() == 64) {
                    shapes.add("64 long");
                }
                if (v.contains(" ") || v.contains("\u3000") || v.contains("\u00a0")) {
                    shapes.add("inner blank");
                }
                if (d.revealedAt().length() > "2032-03-01T01:00:00.250Z".length()) {
                    shapes.add("microseconds");
                }
                shapes.forEach(shape -> values.merge(shape, 1, Integer::sum));
            }
        }
        assertThat(sources.get("dev-beacon")).as("%s", sources).isGreaterThan(500);
        assertThat(sources.get("dev-beacon,supervisor")).as("%s", sources).isGreaterThan(250);
        assertThat(sources.get("supervisor")).as("%s", sources).isGreaterThan(70);
        assertThat(sources).containsKeys("VENUE dev-beacon,supervisor", "EXPERT dev-beacon,supervisor",
                "VENUE supervisor", "EXPERT supervisor").doesNotContainKeys("HOSTED_EXPERT dev-beacon,supervisor",
                        "HOSTED_EXPERT supervisor");
        assertThat(values).as("%s", values).containsKeys("Chinese", "other", "beyond the BMP", "64 long",
                "inner blank", "microseconds");
        assertThat(big.draws).hasSize(DRAWS);
        assertThat(outcomes.keySet()).contains("VENUE venue-draw/v2 drawn", "VENUE venue-draw/v2 NO_RANDOM_PICK",
                "EXPERT expert-draw/v2 drawn", "EXPERT expert-draw/v2 NO_RANDOM_PICK",
                "HOSTED_EXPERT expert-draw/v2 drawn");
        assertThat(big.unused).hasSizeGreaterThan(40);
    }

    @Test
    void theDocumentedRecordHashesOfNoticesAndDrawsAreTheSealedOnesAndEveryRecordVerifiesAsInProduction() {
        Map<String, String> secrets = big.store.allSecrets();
        int notices = 0;
        for (DrawRecord record : big.records) {
            String secretHex = secrets.get(record.id());
            DocRecord published = DocumentedVerifierAgreementUnitTest.published(record);
            assertThat(DocumentedVerifier.recordHash(published, DrawSeed.fromHex(secretHex).bytes()))
                    .as("%s", record).isEqualTo(record.recordHash());
            assertThat(DocumentedVerifier.verify(published, secretHex)).as("%s", record)
                    .isEqualTo(documented(PRODUCTION_VERIFIER.verify(record, secretHex)));
            if (record.kind() == DrawKind.NOTICE) {
                // v2 §5: a notice has nothing to rerun; only its record hash is checked on its own
                assertThat(DocumentedVerifier.verify(published, secretHex)).isEqualTo(new DocumentedVerifier
                        .Verification(true, true, true, null, false, false));
                notices++;
            } else if (record.seedCommitment() != null) {
                assertThat(DocumentedVerifier.verify(published, secretHex).verified()).isTrue();
            }
        }
        assertThat(notices).isEqualTo(DRAWS + big.unused.size());
    }

    @Test
    void theDocumentedVerificationOfTamperedV2RecordsMatchesTheProductionVerifier() {
        Map<String, String> secrets = big.store.allSecrets();
        int compared = 0;
        for (int i = 0; i < big.draws.size(); i += 9) {
            DrawRecord r = big.draws.get(i).record();
            String secret = secrets.get(r.id());
            TreeMap<String, String> entropy = new TreeMap<>(Canonical.decode(r.entropy()));
            if (entropy.containsKey("supervisor.value")) {
                entropy.put("supervisor.value", otherValue(entropy.get("supervisor.value")));
            } else {
                entropy.put("dev-beacon.randomness", "0".repeat(64));
            }
            List<DrawRecord> variants = List.of(r, withEntropy(r, Canonical.encode(entropy)),
                    withEntropy(r, r.entropy().replace("sources=", "sources=x")),
                    new DrawRecord(r.id(), r.seq(), r.kind(), r.tenderId(), r.algorithm(), r.seedCommitment(),
                            r.eligibleList(), r.eligibleListHash(), r.request(), r.result(), r.actor(), r.createdAt(),
                            r.previousHash(), r.recordHash(), r.noticeId(), r.previousHash(), r.entropy(),
                            r.snapshotAt()),
                    new DrawRecord(r.id(), r.seq(), r.kind(), r.tenderId(), r.algorithm(), r.seedCommitment(),
                            r.eligibleList(), r.eligibleListHash(), r.request(), r.result() + "x", r.actor(),
                            r.createdAt(), r.previousHash(), r.recordHash(), r.noticeId(), r.noticeHash(), r.entropy(),
                            r.snapshotAt()));
            for (DrawRecord variant : variants) {
                for (String secretHex : List.of(secret, secret.toUpperCase(), "00" + secret.substring(2), "abc")) {
                    assertThat(DocumentedVerifier.verify(DocumentedVerifierAgreementUnitTest.published(variant),
                            secretHex)).as("%s with %s", variant, secretHex)
                            .isEqualTo(documented(PRODUCTION_VERIFIER.verify(variant, secretHex)));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(2_000);
    }

    @Test
    void theDocumentedChainCheckAcceptsTheChainAndCountsTheSameUnusedNotices() {
        ChainVerification expected = big.verify();
        DocumentedVerifier.ChainCheck actual = big.verifyDocumented();

        assertThat(expected.intact()).isTrue();
        assertThat(actual).isEqualTo(new DocumentedVerifier.ChainCheck(null, 0, expected.records(),
                expected.unusedNotices()));
        assertThat(actual.unusedNotices()).isEqualTo(big.unused.size());
    }

    @Test
    void theDocumentedChainCheckReportsTheSameFirstFaultForEveryWayAroundTheNotice() {
        int chains = 0;
        for (Tamper tamper : Tamper.values()) {
            if (tamper.fault == null) {
                continue;
            }
            for (int at : tamper.at) {
                Built small = build(30 + tamper.ordinal(), at == BEACON_ONLY ? 30 : at + 3, tamper, at);
                ChainVerification expected = small.verify();
                DocumentedVerifier.ChainCheck actual = small.verifyDocumented();
                String name = tamper + " at draw " + at;

                assertThat(expected.intact()).as(name).isFalse();
                assertThat(actual.problem() + " at " + actual.seq()).as(name)
                        .isEqualTo(expected.problemCode().name() + " at " + expected.firstBrokenSeq());
                assertThat(actual.problem()).as(name).isEqualTo(tamper.fault);
                if (at != BEACON_ONLY) {
                    // the fault is the tampered draw's own, and its notice planned the supervisor
                    DrawRecord tampered = small.records.stream().filter(r -> r.kind() != DrawKind.NOTICE
                            && r.tenderId().endsWith("-" + at)).findFirst().orElseThrow();
                    assertThat(actual.seq()).as(name).isEqualTo(tampered.seq());
                    assertThat(Canonical.decode(small.draws.get(at).noticed().notice().request()))
                            .as(name).containsKey("entropy.supervisor.commitment");
                }
                chains++;
            }
        }
        assertThat(chains).isEqualTo(java.util.Arrays.stream(Tamper.values()).filter(t -> t.fault != null).mapToInt(t -> t.at.length).sum());
    }

    /** A contribution to hold to v2 §2.3's check, and what the document says of it. */
    record Edge(String name, boolean holds, SortedMap<String, String> plan, SortedMap<String, String> contribution) {
    }

    private static final Instant EDGE_SNAPSHOT = Instant.parse("2032-03-01T01:00:00Z");
    private static final String EDGE_SALT = "00112233445566778899aabbccddeeff";

    private static Edge value(String name, boolean holds, String value) {
        String commitment = SupervisorContributionCheck.commitmentOf(value, EDGE_SALT);
        return new Edge("value " + name, holds, DocSupervisor.plan(commitment),
                DocSupervisor.contribution(commitment, value, EDGE_SALT, "2032-03-01T01:00:01Z"));
    }

    private static Edge salt(String name, boolean holds, String salt) {
        String commitment = SupervisorContributionCheck.commitmentOf("35261446", salt);
        return new Edge("salt " + name, holds, DocSupervisor.plan(commitment),
                DocSupervisor.contribution(commitment, "35261446", salt, "2032-03-01T01:00:01Z"));
    }

    private static Edge revealedAt(String name, boolean holds, String revealedAt) {
        String commitment = SupervisorContributionCheck.commitmentOf("35261446", EDGE_SALT);
        return new Edge("revealedAt " + name + " " + revealedAt, holds, DocSupervisor.plan(commitment),
                DocSupervisor.contribution(commitment, "35261446", EDGE_SALT, revealedAt));
    }

    private static Edge changed(String name, boolean holds, UnaryOperator<TreeMap<String, String>> plan,
            UnaryOperator<TreeMap<String, String>> contribution) {
        Edge good = revealedAt("", true, "2032-03-01T01:00:01Z");
        return new Edge(name, holds, plan.apply(new TreeMap<>(good.plan())),
                contribution.apply(new TreeMap<>(good.contribution())));
    }

    /**
     * Each rule of v2 §2.3's check at its edges (lengths in UTF-16 code units, which blanks count at the ends, the
     * controls, the salt, how {@code revealedAt} is read, missing and further keys): the documented check and the
     * application's say what the document says. Commitments here are the page's; the documented one is the same.
     */
    @Test
    void theDocumentedSupervisorCheckAndTheApplicationsAgreeAtEveryEdgeOfTheDocument() {
        String a63 = "a".repeat(63);
        List<Edge> edges = List.of(
                value("of one character", true, "1"),
                value("of 64 ASCII characters", true, "a".repeat(64)),
                value("of 65 ASCII characters", false, "a".repeat(65)),
                value("empty", false, ""),
                value("of 64 Chinese characters", true, "监".repeat(64)),
                value("of 65 Chinese characters", false, "监".repeat(65)),
                value("of 32 emoji (64 code units)", true, "\uD83C\uDFB2".repeat(32)),
                value("of 33 emoji (66 code units)", false, "\uD83C\uDFB2".repeat(33)),
                value("of 63 ASCII and an emoji (64 code points, 65 code units)", false, a63 + "\uD83C\uDFB2"),
                value("of 62 ASCII and a CJK Extension B ideograph", true, a63.substring(1) + "\uD840\uDC00"),
                value("with a leading space", false, " 1"),
                value("with a trailing space", false, "1 "),
                value("with a leading tab", false, "\t1"),
                value("with a leading U+3000", false, "\u30001"),
                value("with a trailing U+3000", false, "1\u3000"),
                value("with a trailing U+2003", false, "1\u2003"),
                value("with a leading U+1680", false, "\u16801"),
                value("with a trailing U+205F", false, "1\u205F"),
                value("with a leading U+2028", false, "\u20281"),
                value("with a trailing U+2029", false, "1\u2029"),
                value("with a leading no-break space", true, "\u00A01"),
                value("with a trailing no-break space", true, "1\u00A0"),
                value("with a trailing U+2007", true, "1\u2007"),
                value("with a trailing U+202F", true, "1\u202F"),
                value("with a leading U+200B", true, "\u200B1"),
                value("with a leading U+FEFF", true, "\uFEFF1"),
                value("with a trailing U+001C", false, "1\u001C"),
                value("with inner blanks", true, "监督 随机数\u3000掷得\u00A042"),
                value("with an inner tab", false, "a\tb"),
                value("with an inner LF", false, "a\nb"),
                value("with an inner CR", false, "a\rb"),
                value("with an inner NUL", false, "a\u0000b"),
                value("with an inner U+007F", false, "a\u007Fb"),
                value("with an inner U+0085", false, "a\u0085b"),
                value("with an inner U+009F", false, "a\u009Fb"),
                value("with an inner U+2028", true, "a\u2028b"),
                value("with an inner U+2029", true, "a\u2029b"),
                value("with an inner U+200E", true, "a\u200Eb"),
                value("with an inner U+FEFF", true, "a\uFEFFb"),
                value("with a private-use character", true, "a\uE000b"),
                value("with an unassigned code point", true, "a\u0378b"),
                value("with a noncharacter", true, "a\uFFFFb"),
                value("with an unpaired high surrogate", true, "a\uD800b"),
                value("with an unpaired low surrogate", true, "a\uDC00b"),
                value("with = , and a backslash", true, "a=b,c\\n"),
                salt("upper case", false, EDGE_SALT.toUpperCase()),
                salt("of 31 characters", false, EDGE_SALT.substring(1)),
                salt("of 33 characters", false, EDGE_SALT + "0"),
                salt("not hex", false, "g" + EDGE_SALT.substring(1)),
                salt("empty", false, ""),
                salt("of 64 characters", false, EDGE_SALT + EDGE_SALT),
                revealedAt("at the snapshot", true, "2032-03-01T01:00:00Z"),
                revealedAt("a nanosecond before", false, "2032-03-01T00:59:59.999999999Z"),
                revealedAt("a millisecond before", false, "2032-03-01T00:59:59.999Z"),
                revealedAt("a nanosecond after", true, "2032-03-01T01:00:00.000000001Z"),
                revealedAt("to the microsecond", true, "2032-03-01T01:00:00.123456Z"),
                revealedAt("with offset +00:00", true, "2032-03-01T01:00:01+00:00"),
                revealedAt("with offset +08:00, after", true, "2032-03-01T09:00:01+08:00"),
                revealedAt("with offset +08:00, before", false, "2032-03-01T08:59:59+08:00"),
                revealedAt("with a lower-case z", true, "2032-03-01T01:00:01z"),
                revealedAt("with a lower-case t", true, "2032-03-01t01:00:01Z"),
                revealedAt("without a zone", false, "2032-03-01T01:00:01"),
                revealedAt("without seconds", false, "2032-03-01T01:01Z"),
                revealedAt("with a space for T", false, "2032-03-01 01:00:01Z"),
                revealedAt("a date", false, "2032-03-02"),
                revealedAt("epoch milliseconds", false, "1961462401000"),
                revealedAt("a word", false, "soon"),
                revealedAt("empty", false, ""),
                changed("as planned", true, p -> p, c -> c),
                changed("without commitment", false, p -> p, c -> without(c, "commitment")),
                changed("without value", false, p -> p, c -> without(c, "value")),
                changed("without salt", false, p -> p, c -> without(c, "salt")),
                changed("without revealedAt", false, p -> p, c -> without(c, "revealedAt")),
                changed("with a further contribution key", false, p -> p, c -> with(c, "note", "x")),
                changed("with a further plan key", false, p -> with(p, "note", "x"), c -> c),
                changed("with an empty plan", false, p -> new TreeMap<>(), c -> c),
                changed("with the commitment in upper case, planned so", false,
                        p -> with(p, "commitment", p.get("commitment").toUpperCase()),
                        c -> with(c, "commitment", c.get("commitment").toUpperCase())),
                changed("with a value other than the committed one", false, p -> p, c -> with(c, "value", "35261447")),
                changed("with a salt other than the committed one", false, p -> p,
                        c -> with(c, "salt", "f" + EDGE_SALT.substring(1))),
                changed("with another value's commitment, consistent in itself", false, p -> p, c -> with(with(c,
                        "value", "35261447"), "commitment", SupervisorContributionCheck.commitmentOf("35261447",
                                EDGE_SALT))),
                changed("planned another commitment", false, p -> with(p, "commitment",
                        SupervisorContributionCheck.commitmentOf("35261447", EDGE_SALT)), c -> c));
        for (Edge edge : edges) {
            Optional<String> fault = new SupervisorContributionCheck().check(edge.plan(), edge.contribution(),
                    EDGE_SNAPSHOT);
            assertThat(fault.isEmpty()).as("application: %s %s", edge.name(), fault).isEqualTo(edge.holds());
            assertThat(DocSupervisor.valid(edge.plan(), edge.contribution(), EDGE_SNAPSHOT))
                    .as("documented: %s", edge.name()).isEqualTo(edge.holds());
            if (edge.contribution().containsKey("value") && edge.contribution().containsKey("salt")) {
                assertThat(DocSupervisor.commitment(edge.contribution().get("value"), edge.contribution().get("salt")))
                        .isEqualTo(SupervisorContributionCheck.commitmentOf(edge.contribution().get("value"),
                                edge.contribution().get("salt")));
            }
        }
    }

    private static TreeMap<String, String> with(TreeMap<String, String> map, String key, String value) {
        map.put(key, value);
        return map;
    }

    private static TreeMap<String, String> without(TreeMap<String, String> map, String key) {
        map.remove(key);
        return map;
    }

    @Test
    void aSmallUntamperedChainWithAnUnknownSourceFailsInBoth() {
        Built small = build(29, 12, Tamper.NONE, -1);
        DocumentedVerifier.ChainCheck withoutSources = DocumentedVerifier.verifyChain(small.records.stream()
                .map(DocumentedVerifierAgreementUnitTest::published).toList(), small.store.allSecrets(),
                small.store.head().lastSeq(), small.store.head().lastHash());
        // Production configured with drand's quicknet only (and, as always, the supervisor): dev-beacon is unknown there.
        ChainVerification withoutProductionSources = ChainVerifier.verify(small.records, small.store.allSecrets(),
                small.store.head(), productionSources(new BeaconEntropy(EntropyConfiguration.DRAND_QUICKNET,
                        DrandChain.QUICKNET, new LocalBeaconRounds(TestEntropy.TEST_BEACON_KEY), MARGIN, small.clock,
                        duration -> {
                        }), small.clock));
        DocumentedVerifier.ChainCheck quicknetOnly = DocumentedVerifier.verifyChain(small.records.stream()
                .map(DocumentedVerifierAgreementUnitTest::published).toList(), small.store.allSecrets(),
                small.store.head().lastSeq(), small.store.head().lastHash(), List.of(DocBeacon.QUICKNET));

        assertThat(withoutSources.problem() + " at " + withoutSources.seq())
                .isEqualTo(quicknetOnly.problem() + " at " + quicknetOnly.seq())
                .isEqualTo(withoutProductionSources.problemCode().name() + " at "
                        + withoutProductionSources.firstBrokenSeq());
        assertThat(withoutSources.problem()).isEqualTo("ENTROPY_INVALID");
        ChainVerification intact = small.verify();
        assertThat(intact.intact()).isTrue();
        assertThat(small.verifyDocumented()).isEqualTo(new DocumentedVerifier.ChainCheck(null, 0, intact.records(),
                intact.unusedNotices()));
    }

    /**
     * The sources the application's chain check knows ({@link EntropyConfiguration#entropySources}): the beacon in use
     * and, whether or not any center has supervisors attend, the supervisor's.
     */
    private static EntropySources productionSources(BeaconEntropy beacon, java.time.Clock clock) {
        return new EntropySources(List.of(beacon), List.of(), new SupervisorEntropy(new InMemorySupervisorCommitments(),
                Duration.ofMinutes(2), clock, TransactionOperations.withoutTransaction()), false);
    }

    private static final String CHINESE = "监督随机数抽取专家评标场地哈尔滨齐齐哈尔牡丹江佳木斯大庆鸡西双鸭山伊春七台河鹤岗黑河绥化"
            + "大兴安岭一二三四五六七八九十甲乙丙丁骰子掷得点";

    /**
     * A value a supervisor may type (v2 §2.3): dice rolls, Chinese, printable ASCII ({@code =}, {@code ,} and
     * {@code \} included), or a mix with inner blanks (space, U+3000, no-break space) and characters beyond the BMP;
     * 1 to 64 UTF-16 code units, no blank at either end.
     */
    static String supervisorValue(Random random) {
        int length = 1 + random.nextInt(random.nextInt(4) == 0 ? 64 : 12);
        if (random.nextInt(20) == 0) {
            length = 64;
        }
        int shape = random.nextInt(5);
        StringBuilder v = new StringBuilder();
        while (v.length() < length) {
            switch (shape) {
                case 0 -> v.append((char) ('1' + random.nextInt(6)));
                case 1 -> v.append(CHINESE.charAt(random.nextInt(CHINESE.length())));
                case 2 -> v.append((char) (0x21 + random.nextInt(0x5e)));
                default -> {
                    int kind = random.nextInt(10);
                    if (kind == 0 && v.length() + 2 <= length) {
                        v.appendCodePoint(random.nextBoolean() ? 0x1F3B2 : 0x20000 + random.nextInt(0x100));
                    } else if (kind == 1) {
                        v.append(" \u3000\u00a0".charAt(random.nextInt(3)));
                    } else if (kind < 5) {
                        v.append(CHINESE.charAt(random.nextInt(CHINESE.length())));
                    } else {
                        v.append((char) (0x21 + random.nextInt(0x5e)));
                    }
                }
            }
        }
        for (int end : new int[] {0, v.length() - 1}) {
            char c = v.charAt(end);
            if (c == ' ' || c == '\u3000' || c == '\u00a0') {
                v.setCharAt(end, (char) ('1' + random.nextInt(9)));
            }
        }
        return v.toString();
    }

    /** Another well-formed value: the first character replaced by a digit it was not. */
    static String otherValue(String value) {
        return (value.startsWith("1") ? "2" : "1") + value.substring(value.offsetByCodePoints(0, 1));
    }

    /**
     * The collected seed with the supervisor's contribution changed by {@code change} (null: left out; given an empty
     * map where there was none), the entropy's {@code sources} line following and the seed derived from the new text.
     */
    private static DerivedSeed withSupervisor(DerivedSeed seed, UnaryOperator<TreeMap<String, String>> change) {
        TreeMap<String, String> entries = new TreeMap<>(Canonical.decode(seed.entropy()));
        TreeMap<String, String> contribution = new TreeMap<>();
        entries.keySet().removeIf(key -> {
            if (key.startsWith("supervisor.")) {
                contribution.put(key.substring("supervisor.".length()), entries.get(key));
                return true;
            }
            return false;
        });
        TreeMap<String, String> before = new TreeMap<>(contribution);
        TreeMap<String, String> changed = change.apply(contribution);
        if (java.util.Objects.equals(changed, before.isEmpty() ? null : before)) {
            throw new IllegalStateException("no supervisor's contribution to change in " + seed.entropy());
        }
        if (changed != null) {
            changed.forEach((key, value) -> entries.put("supervisor." + key, value));
        }
        List<String> ids = entries.keySet().stream().filter(key -> !key.equals("sources"))
                .map(key -> key.substring(0, key.indexOf('.'))).distinct().sorted().toList();
        entries.put("sources", String.join(",", ids));
        return DrawNoticeUnitTest.withEntropy(seed, Canonical.encode(entries));
    }

    private static DocumentedVerifier.Verification documented(DrawVerification v) {
        return new DocumentedVerifier.Verification(v.eligibleListMatchesHash(), v.recordHashValid(),
                v.seedMatchesCommitment(), v.recomputedResult(), v.resultReproduced(), v.verified());
    }

    private static long round(Noticed noticed) {
        return Long.parseLong(noticed.plans().get("dev-beacon").get("round"));
    }

    private static String v2(String v1Algorithm) {
        return v1Algorithm.equals(VenueDrawAlgorithm.ID) ? VenueDrawAlgorithm.ID_V2 : ExpertDrawAlgorithm.ID_V2;
    }

    /** The record as stored with another entropy text, everything else (the record hash too) kept. */
    private static DrawRecord withEntropy(DrawRecord r, String entropy) {
        return new DrawRecord(r.id(), r.seq(), r.kind(), r.tenderId(), r.algorithm(), r.seedCommitment(),
                r.eligibleList(), r.eligibleListHash(), r.request(), r.result(), r.actor(), r.createdAt(),
                r.previousHash(), r.recordHash(), r.noticeId(), r.noticeHash(), entropy, r.snapshotAt());
    }


    /** The planned round signed with another key: a well-formed point, what someone without the beacon key makes. */
    private static String forged(String entropy) {
        TreeMap<String, String> entries = new TreeMap<>(Canonical.decode(entropy));
        byte[] forgersKey = new byte[32];
        forgersKey[31] = 7;
        String signature = BeaconSignatures.sign(forgersKey, Long.parseLong(entries.get("dev-beacon.round")));
        entries.put("dev-beacon.signature", signature);
        entries.put("dev-beacon.randomness", Hashes.hex(Hashes.sha256(Hashes.unhex(signature))));
        return Canonical.encode(entries);
    }

}
