package cn.hlj.remoteeval.draw.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.expert.ExpertContacts;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Who sits on a committee, shown to exactly two audiences: a venue's own staff on the day, for
 * identity checks and no-shows, seeing their own session only and knowing it by its anonymous
 * code; and the main venue's supervisor once the evaluation has ended. Every view is audited.
 */
@RestController
@Tag(name = "评标委员会")
class CommitteeController {

    private final CommitteeSeats seats;
    private final ExpertDrawService draws;
    private final SeatBookings bookings;
    private final Tenders tenders;
    private final ExpertContacts contacts;
    private final TradingCenters centers;
    private final CurrentActor actor;
    private final AuditLog audit;
    private final Clock clock;

    CommitteeController(CommitteeSeats seats, ExpertDrawService draws, SeatBookings bookings, Tenders tenders,
            ExpertContacts contacts, TradingCenters centers, CurrentActor actor, AuditLog audit, Clock clock) {
        this.seats = seats;
        this.draws = draws;
        this.bookings = bookings;
        this.tenders = tenders;
        this.contacts = contacts;
        this.centers = centers;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(name = "SessionExpert", description = "本场次在席专家（仅评标当日、仅本中心）")
    record SessionExpertView(int seat, String name, String specialty, String state) {
    }

    @Schema(name = "NoShow", description = "专家未到场")
    record NoShowRequest(@Schema(description = "席位号") Integer seat) {
    }

    @Schema(name = "CommitteeMember", description = "评标委员会成员（评标结束后解封）")
    record MemberView(int seat, String venue, String specialty, String name, String state) {
    }

    @GetMapping("/api/centers/{center}/sessions/{sessionCode}/experts")
    @Operation(summary = "本场次在席专家", description = "供副场（或主场）工作人员核验专家身份：仅本中心、仅评标当日可查看。")
    List<SessionExpertView> sessionExperts(@PathVariable String center, @PathVariable String sessionCode) {
        String holder = holderOnItsDay(center, sessionCode);
        audit.append(clock.instant(), actor.userId(), "SESSION_EXPERTS_VIEWED", VenueDrawService.AUDIT_SUBJECT,
                holder, "center=" + center);
        return seats.holding(holder).stream().filter(s -> s.center().equals(center))
                .map(s -> {
                    ExpertContacts.ExpertContact contact = contacts.contactOf(s.expertRef()).orElseThrow();
                    return new SessionExpertView(s.seatNo(), contact.name(), s.specialty(),
                            s.state() == SeatState.ACCEPTED ? "已确认" : "待答复");
                })
                .toList();
    }

    @PostMapping("/api/centers/{center}/sessions/{sessionCode}/no-shows")
    @Operation(summary = "登记专家未到场", description = "评标当日由本中心工作人员登记；系统按同样规则为该席位补抽专家。")
    void noShow(@PathVariable String center, @PathVariable String sessionCode, @RequestBody(required = false) NoShowRequest request) {
        String holder = holderOnItsDay(center, sessionCode);
        if (tenders.find(holder).isEmpty()) {
            // A session hosted for a partner: its seats are the partner's, followed through the hosted session's task.
            throw ApiProblemException.conflict("承接外省的场次请在“专家身份验证”任务中登记未到场专家。", null, null);
        }
        if (request == null || request.seat() == null) {
            throw ApiProblemException.invalid("seat", "不能为空");
        }
        draws.noShow(holder, center, request.seat(), actor.userId());
    }

    @GetMapping("/api/tenders/{tenderId}/committee")
    @Operation(summary = "评标委员会名单（评标结束后）", description = "评标结束后解封，仅主场行政监督部门可查看；查看留痕。")
    List<MemberView> committee(@PathVariable String tenderId) {
        TenderFacts tender = tenders.findVisibleToCaller(tenderId).orElseThrow(() -> ApiProblemException.notFound("标段不存在：" + tenderId));
        if (!actor.isSupervisorOf(tender.mainCenter())) {
            throw ApiProblemException.forbidden("评标委员会名单仅向主场行政监督部门解封。");
        }
        if (!seats.isUnsealed(tenderId)) {
            throw ApiProblemException.conflict("评标结束前评标专家名单保密，不能查看。", null, null);
        }
        audit.append(clock.instant(), actor.userId(), "COMMITTEE_VIEWED", VenueDrawService.AUDIT_SUBJECT, tenderId, "");
        return seats.all(tenderId).stream()
                .map(s -> new MemberView(s.seatNo(), centers.find(s.center()).map(TradingCenter::name).orElse(s.center()),
                        s.specialty(), contacts.contactOf(s.expertRef()).map(ExpertContacts.ExpertContact::name).orElse(null),
                        s.state().name()))
                .toList();
    }

    /**
     * The holder (a tender, or a partner's tender hosted here) of the center's session, checked to be the
     * caller's center and today. A hosted session's day is its seats' slot: there is no tender of ours.
     */
    private String holderOnItsDay(String center, String sessionCode) {
        if (!actor.isStaffOf(center)) {
            throw ApiProblemException.forbidden("只能查看本中心承担的场次。");
        }
        String holder = bookings.holderOfSession(center, sessionCode)
                .orElseThrow(() -> ApiProblemException.notFound("本中心没有该场次：" + sessionCode));
        LocalDate day = tenders.find(holder).map(tender -> tender.slot().date())
                .or(() -> seats.holding(holder).stream().findFirst().map(seat -> seat.slot().date()))
                .orElseThrow(() -> ApiProblemException.notFound("本中心没有该场次：" + sessionCode));
        if (!day.equals(LocalDate.now(clock))) {
            throw ApiProblemException.conflict("专家信息仅在评标当日向本场次工作人员提供。", null, null);
        }
        return holder;
    }
}
