package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.HostedDrawRequest;
import cn.hlj.remoteeval.draw.HostedDrawRequest.HostedSeat;
import cn.hlj.remoteeval.draw.HostedSeatSettled;
import cn.hlj.remoteeval.testsupport.ExpertInvitations;
import cn.hlj.remoteeval.testsupport.OwnPeriods;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/**
 * The hosted expert draw on the real pool, database, chain and engine: one expert per requested seat of its
 * specialty at the hosting center, the partner's excluded organisations and the experts busy in the slot never
 * drawn, a record of its own kind that recomputes once revealed, and the answers: an acceptance confirms the
 * seat with no tender lifecycle involved, a decline draws again, and a seat no one can fill is short.
 */
@RemoteEvalIntegrationTest
@RecordApplicationEvents
class HostedExpertDrawIntegrationTest {

    private static final Duration ASYNC = Duration.ofSeconds(30);

    @Autowired
    HostedExpertDrawService hosted;
    @Autowired
    ExpertDrawService draws;
    @Autowired
    CommitteeSeats committeeSeats;
    @Autowired
    DrawRecords records;
    @Autowired
    DrawStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ExpertInvitations invitations;
    @Autowired
    ApplicationEvents events;

    @Test
    void anExpertOfAnExcludedOrganisationIsNeverDrawn() {
        Slot slot = freshSlot();
        List<String> employers = hrbEmployers("A0101");
        String allowed = employers.get(0);
        List<String> excluded = employers.subList(1, employers.size());
        String hosting = UUID.randomUUID().toString();

        hosted.draw(new HostedDrawRequest(hosting, "HRB", slot, List.of(new HostedSeat(1, "A0101")), excluded));

        CommitteeSeat seat = committeeSeats.latest(hosting, 1).orElseThrow();
        assertThat(employerOf(seat.expertRef())).isEqualTo(allowed).isNotIn(excluded);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM expert_draw_exclusion x JOIN draw_record r ON r.id = x.draw_id "
                + "WHERE r.tender_id = ? AND x.rule = 'EMPLOYED_BY_BIDDER'").param(hosting).query(Long.class).single())
                .isGreaterThanOrEqualTo(excluded.size());
    }

    @Test
    void eachSeatGetsAnExpertOfItsOwnSpecialtyAtTheHostingCenterAndAnInvitationSms() {
        Slot slot = freshSlot();
        String hosting = UUID.randomUUID().toString();

        hosted.draw(new HostedDrawRequest(hosting, "QQHR", slot,
                List.of(new HostedSeat(1, "B02"), new HostedSeat(2, "A0101"), new HostedSeat(3, "B02")), List.of()));

        for (int seatNo = 1; seatNo <= 3; seatNo++) {
            CommitteeSeat seat = committeeSeats.latest(hosting, seatNo).orElseThrow();
            String specialty = seatNo == 2 ? "A0101" : "B02";
            assertThat(seat.specialty()).isEqualTo(specialty);
            assertThat(jdbc.sql("SELECT specialty_code FROM expert WHERE expert_ref = ?").param(seat.expertRef())
                    .query(String.class).single()).isEqualTo(specialty);
            assertThat(seat.center()).isEqualTo("QQHR");
            // SAME_CITY (the default locality): an expert of the hosting center's own city.
            assertThat(seat.expertCity()).isEqualTo("QQHR");
            assertThat(seat.state()).isEqualTo(SeatState.INVITED);
            assertThat(invitations.sms(seat.id())).contains("齐齐哈尔").doesNotContain(hosting);
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(HostedSeatConfirmations.PROCESS_KEY)
                .processInstanceBusinessKey(hosting).count()).isEqualTo(3);
    }

    @Test
    void anExpertBusyInTheSlotIsNotDrawnAndASeatNoOneCanFillIsShort() {
        Slot slot = freshSlot();
        List<String> employers = hrbEmployers("A0101");
        List<String> excluded = employers.subList(1, employers.size());
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        hosted.draw(new HostedDrawRequest(first, "HRB", slot, List.of(new HostedSeat(1, "A0101")), excluded));
        String onlyOne = committeeSeats.latest(first, 1).orElseThrow().expertRef();

        hosted.draw(new HostedDrawRequest(second, "HRB", slot, List.of(new HostedSeat(1, "A0101")), excluded));

        await().atMost(ASYNC).until(() -> "SHORT".equals(hostedState(second, 1)));
        assertThat(committeeSeats.all(second)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM expert_draw_exclusion x JOIN draw_record r ON r.id = x.draw_id "
                + "WHERE r.tender_id = ? AND x.expert_ref = ? AND x.rule = 'BOOKED_IN_SLOT'").params(second, onlyOne)
                .query(Long.class).single()).isPositive();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(second).count()).isZero();
    }

    @Test
    void anAcceptanceConfirmsTheHostedSeatWithoutAnyTenderLifecycle() {
        Slot slot = freshSlot();
        String hosting = UUID.randomUUID().toString();
        hosted.draw(new HostedDrawRequest(hosting, "PROV", slot, List.of(new HostedSeat(1, "A0101")), List.of()));
        CommitteeSeat seat = committeeSeats.latest(hosting, 1).orElseThrow();

        // No tender has this id: a call into a tender's lifecycle would fail the answer.
        assertThat(draws.answer(invitations.replyCode(seat.id()), true)).isEqualTo(ExpertDrawService.AnswerOutcome.ACCEPTED);

        assertThat(invitations.stateOf(seat.id())).isEqualTo("ACCEPTED");
        assertThat(hostedState(hosting, 1)).isEqualTo("CONFIRMED");
        assertThat(events.stream(HostedSeatSettled.class).filter(e -> e.hostingId().equals(hosting)))
                .singleElement().satisfies(e -> {
                    assertThat(e.seatNo()).isEqualTo(1);
                    assertThat(e.confirmed()).isTrue();
                });
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(hosting).count()).isZero();
    }

    @Test
    void aDeclineDrawsAnotherExpertForTheSeatAndNeverTheSameOneAgain() {
        Slot slot = freshSlot();
        String hosting = UUID.randomUUID().toString();
        hosted.draw(new HostedDrawRequest(hosting, "HRB", slot, List.of(new HostedSeat(1, "B02")), List.of()));
        CommitteeSeat declined = committeeSeats.latest(hosting, 1).orElseThrow();

        assertThat(draws.answer(invitations.replyCode(declined.id()), false)).isEqualTo(ExpertDrawService.AnswerOutcome.DECLINED);

        CommitteeSeat replacement = await().atMost(ASYNC).until(() -> committeeSeats.latest(hosting, 1).orElseThrow(),
                s -> !s.id().equals(declined.id()));
        assertThat(replacement.state()).isEqualTo(SeatState.INVITED);
        assertThat(replacement.expertRef()).isNotEqualTo(declined.expertRef());
        assertThat(replacement.specialty()).isEqualTo("B02");
        assertThat(invitations.stateOf(declined.id())).isEqualTo("DECLINED");
        assertThat(hostedState(hosting, 1)).isEqualTo("OPEN");
        assertThat(events.stream(HostedSeatSettled.class).filter(e -> e.hostingId().equals(hosting))).isEmpty();
    }

    @Test
    void aNoShowOfAConfirmedExpertDrawsADifferentExpertOfTheSameSpecialtyAtOnceWhoMayConfirmTheSeatAgain() {
        Slot slot = freshSlot();
        String hosting = UUID.randomUUID().toString();
        hosted.draw(new HostedDrawRequest(hosting, "HRB", slot, List.of(new HostedSeat(1, "B02")), List.of()));
        CommitteeSeat absent = committeeSeats.latest(hosting, 1).orElseThrow();
        draws.answer(invitations.replyCode(absent.id()), true);
        assertThat(hostedState(hosting, 1)).isEqualTo("CONFIRMED");

        hosted.noShow(hosting, 1, "staff-hrb");

        assertThat(invitations.stateOf(absent.id())).isEqualTo("NO_SHOW");
        CommitteeSeat replacement = await().atMost(ASYNC).until(() -> committeeSeats.latest(hosting, 1).orElseThrow(),
                s -> !s.id().equals(absent.id()));
        assertThat(replacement.state()).isEqualTo(SeatState.INVITED);
        assertThat(replacement.expertRef()).isNotEqualTo(absent.expertRef());
        assertThat(replacement.specialty()).isEqualTo("B02");
        assertThat(replacement.center()).isEqualTo("HRB");
        assertThat(hostedState(hosting, 1)).isEqualTo("OPEN");
        assertThat(drawsOf(hosting)).hasSize(2).allSatisfy(r -> assertThat(r.kind()).isEqualTo(DrawKind.HOSTED_EXPERT));

        draws.answer(invitations.replyCode(replacement.id()), true);

        assertThat(hostedState(hosting, 1)).isEqualTo("CONFIRMED");
        assertThat(events.stream(HostedSeatSettled.class).filter(e -> e.hostingId().equals(hosting)))
                .hasSize(2).allSatisfy(e -> assertThat(e.confirmed()).isTrue());
    }

    @Test
    void aNoShowWithNoEligibleExpertLeftSettlesTheSeatShort() {
        Slot slot = freshSlot();
        List<String> employers = hrbEmployers("A0101");
        String hosting = UUID.randomUUID().toString();
        hosted.draw(new HostedDrawRequest(hosting, "HRB", slot, List.of(new HostedSeat(1, "A0101")),
                employers.subList(1, employers.size())));
        CommitteeSeat onlyOne = committeeSeats.latest(hosting, 1).orElseThrow();
        draws.answer(invitations.replyCode(onlyOne.id()), true);

        hosted.noShow(hosting, 1, "staff-hrb");

        await().atMost(ASYNC).until(() -> "SHORT".equals(hostedState(hosting, 1)));
        assertThat(committeeSeats.latest(hosting, 1).orElseThrow().id()).isEqualTo(onlyOne.id());
        // The short seat is settled on the job executor's thread (the supplementary draw is asynchronous): its trace is the audit.
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_id = ? AND action LIKE 'HOSTED_EXPERT_%' ORDER BY id")
                .param(hosting).query(String.class).list()).containsSubsequence("HOSTED_EXPERT_ACCEPTED", "HOSTED_EXPERT_NO_SHOW",
                        "HOSTED_EXPERT_SEAT_SHORT");
    }

    @Test
    void aNoShowForASeatNoExpertHoldsIsRefused() {
        Slot slot = freshSlot();
        String hosting = UUID.randomUUID().toString();
        hosted.draw(new HostedDrawRequest(hosting, "HRB", slot, List.of(new HostedSeat(1, "B02")), List.of()));
        CommitteeSeat absent = committeeSeats.latest(hosting, 1).orElseThrow();
        draws.answer(invitations.replyCode(absent.id()), true);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hosted.noShow(hosting, 2, "staff-hrb"))
                .isInstanceOf(IllegalArgumentException.class);
        hosted.noShow(hosting, 1, "staff-hrb");
        await().atMost(ASYNC).until(() -> committeeSeats.latest(hosting, 1).orElseThrow().state() == SeatState.INVITED);
    }

    @Test
    void theOpenInvitationOfASeatIsItsLatestEvenWhenItsPredecessorEndedInTheSameSecond() {
        // MySQL keeps whole seconds: the ended invitation and its replacement share invited_at; ids favour the ended one.
        String hosting = UUID.randomUUID().toString();
        Slot slot = freshSlot();
        Instant second = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<String> experts = jdbc.sql("SELECT expert_ref FROM expert WHERE city = 'HRB' AND specialty_code = 'B02' "
                + "AND status = 'ACTIVE' ORDER BY expert_ref").query(String.class).list();
        committeeSeats.insert(new CommitteeSeat("00000000-" + hosting.substring(9), hosting, 1, "HRB", "B02", experts.get(0),
                "HRB", "d-1", slot, SeatState.NO_SHOW, null, second, second.plusSeconds(60), second), "hash-ended-" + hosting);
        committeeSeats.insert(new CommitteeSeat("ffffffff-" + hosting.substring(9), hosting, 1, "HRB", "B02", experts.get(1),
                "HRB", "d-2", slot, SeatState.INVITED, null, second, second.plusSeconds(60), null), "hash-open-" + hosting);

        assertThat(committeeSeats.latest(hosting, 1)).map(CommitteeSeat::state).hasValue(SeatState.INVITED);
    }

    @Test
    void everyHostedDrawIsOnTheChainUnderTheHostingAndRecomputesOnceRevealed() {
        Slot slot = freshSlot();
        String hosting = UUID.randomUUID().toString();
        hosted.draw(new HostedDrawRequest(hosting, "HRB", slot, List.of(new HostedSeat(1, "A0101"), new HostedSeat(2, "B02")),
                List.of("示例单位01")));

        List<DrawRecord> drawn = drawsOf(hosting);
        assertThat(drawn).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo(DrawKind.HOSTED_EXPERT);
            assertThat(record.algorithm()).isEqualTo(ExpertDrawAlgorithm.ID_V2);
        });
        assertThat(records.seedOf(drawn.get(0).id()).revealed()).isFalse();

        hosted.evaluationEnded(hosting, Instant.now());

        DrawVerification verification = records.verify(drawn.get(0));
        assertThat(verification.verified()).isTrue();
        assertThat(verification.resultReproduced()).isTrue();
        assertThat(verification.recordedResult()).contains("HRB|A0101|").contains("HRB|B02|");
    }

    private static Slot freshSlot() {
        LocalDate date = OwnPeriods.freshDate();
        return new Slot(date, HalfDay.AM);
    }

    /**
     * The employers of the experts in service of Harbin in the specialty, the first one employer of exactly one of
     * them: excluding all the others leaves that one expert eligible.
     */
    private List<String> hrbEmployers(String specialty) {
        List<String> employers = new java.util.ArrayList<>(jdbc.sql("SELECT employer FROM expert WHERE city = 'HRB' "
                + "AND specialty_code = ? AND status = 'ACTIVE' GROUP BY employer ORDER BY COUNT(*), employer")
                .param(specialty).query(String.class).list());
        assertThat(employers).hasSizeGreaterThan(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM expert WHERE city = 'HRB' AND specialty_code = ? AND status = 'ACTIVE' "
                + "AND employer = ?").params(specialty, employers.get(0)).query(Long.class).single()).isOne();
        return employers;
    }

    private String employerOf(String expertRef) {
        return jdbc.sql("SELECT employer FROM expert WHERE expert_ref = ?").param(expertRef).query(String.class).single();
    }

    private String hostedState(String hostingId, int seatNo) {
        return jdbc.sql("SELECT state FROM hosted_draw_seat WHERE hosting_id = ? AND seat_no = ?").params(hostingId, seatNo)
                .query(String.class).single();
    }

    /** The hosting's draws, without the notice each one began with. */
    private List<DrawRecord> drawsOf(String hosting) {
        return store.forTender(hosting).stream().filter(r -> r.kind() != DrawKind.NOTICE).toList();
    }
}
