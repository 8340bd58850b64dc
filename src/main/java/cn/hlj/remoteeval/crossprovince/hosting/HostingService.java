package cn.hlj.remoteeval.crossprovince.hosting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.internal.Fields;
import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.SeatsUnavailable;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

/**
 * Partners' tenders hosted here. A hosting books cross-province workstations only (policy 四:
 * those are the seats the permanent sub-venues keep for partners), never ordinary ones, and its
 * row, its seats and its audit entry are written in one transaction.
 */
@Service
@Transactional
class HostingService {

    static final String AUDIT_SUBJECT = "PARTNER_HOSTING";
    /** A listing spans at most about a year, so that one request cannot read the whole table. */
    static final int MAX_LISTING_DAYS = 366;

    private static final Logger log = LoggerFactory.getLogger(HostingService.class);

    private final HostingStore store;
    private final SeatBookings bookings;
    private final TradingCenters centers;
    private final AuditLog audit;
    private final Clock clock;
    private final ExchangeHostings exchangeHostings;

    HostingService(HostingStore store, SeatBookings bookings, TradingCenters centers, AuditLog audit, Clock clock,
            ExchangeHostings exchangeHostings) {
        this.store = store;
        this.bookings = bookings;
        this.centers = centers;
        this.audit = audit;
        this.clock = clock;
        this.exchangeHostings = exchangeHostings;
    }

    HostingView register(HostingRegistration registration, String registeredBy) {
        if (store.activeExists(registration.partnerProvince(), registration.partnerTenderRef())) {
            throw duplicate();
        }
        Instant now = clock.instant();
        PartnerHosting hosting = new PartnerHosting(UUID.randomUUID().toString(), registration.partnerProvince(),
                registration.partnerTenderRef(), registration.centerCode(), registration.slot(), registration.seats(),
                HostingState.ACTIVE, registeredBy, now, null, null);
        try {
            store.insert(hosting);
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        try {
            bookings.book(hosting.id(), BookingPurpose.PARTNER_HOSTING, hosting.slot(),
                    Map.of(hosting.centerCode(), hosting.seats()), true);
        } catch (SeatsUnavailable e) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "可用跨省评标工位不足",
                    centerName(hosting.centerCode()) + "在 " + hosting.slot().date() + " "
                            + HostingView.halfDayLabel(hosting.slot().halfDay()) + " 可用的跨省评标工位只有 " + e.free()
                            + " 个，不足 " + e.requested() + " 个。",
                    List.of(new FieldViolation("seats", "可用跨省评标工位不足")));
        }
        audit.append(now, registeredBy, "PARTNER_HOSTING_REGISTERED", AUDIT_SUBJECT, hosting.id(),
                "partnerProvince=" + hosting.partnerProvince() + " partnerTenderRef=" + hosting.partnerTenderRef()
                        + " slot=" + hosting.slot() + " seats=" + hosting.seats());
        log.info("Partner hosting {} registered", hosting.id());
        return view(hosting);
    }

    @Transactional(readOnly = true)
    HostingView view(String id) {
        return view(load(id));
    }

    /** The hostings evaluated in the range, at the given centers only (all centers when {@code centerCodes} is null). */
    @Transactional(readOnly = true)
    List<HostingView> list(String fromText, String toText, Set<String> centerCodes) {
        LocalDate today = LocalDate.now(clock);
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate from = fromText == null ? today : Fields.date("from", "起始日期", fromText, violations);
        LocalDate to = toText == null ? (from == null ? null : from.plusDays(MAX_LISTING_DAYS - 1))
                : Fields.date("to", "截止日期", toText, violations);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                violations.add(new FieldViolation("to", "截止日期不能早于起始日期"));
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_LISTING_DAYS) {
                violations.add(new FieldViolation("to", "查询区间不能超过 " + MAX_LISTING_DAYS + " 天"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        return store.between(from, to).stream()
                .filter(hosting -> centerCodes == null || centerCodes.contains(hosting.centerCode()))
                .map(this::view).toList();
    }

    void cancel(String id, String cancelledBy) {
        PartnerHosting hosting = load(id);
        if (hosting.state() == HostingState.CANCELLED) {
            throw alreadyCancelled();
        }
        if (hosting.slot().date().isBefore(LocalDate.now(clock))) {
            throw ApiProblemException.conflict("评标日期（" + hosting.slot().date() + "）已过，不能取消承接。", null, null);
        }
        Instant now = clock.instant();
        if (!store.cancel(id, cancelledBy, now)) {
            throw alreadyCancelled();
        }
        int released = bookings.release(id);
        exchangeHostings.endedHere(hosting, "CANCELLED_BY_STAFF", "本省已取消承办该标段的副场，请另行安排副场");
        audit.append(now, cancelledBy, "PARTNER_HOSTING_CANCELLED", AUDIT_SUBJECT, id, "releasedSeats=" + released);
        log.info("Partner hosting {} cancelled, {} seats released", id, released);
    }

    private PartnerHosting load(String id) {
        return store.find(id).orElseThrow(() -> ApiProblemException.notFound("承接记录不存在：" + id));
    }

    private HostingView view(PartnerHosting hosting) {
        return HostingView.of(hosting, centerName(hosting.centerCode()));
    }

    private String centerName(String code) {
        return centers.find(code).map(TradingCenter::name).orElse(code);
    }

    private static ApiProblemException duplicate() {
        return ApiProblemException.conflict("该合作省份项目已在本省承接，不能重复登记；如需调整，请先取消原承接记录。",
                "partnerTenderRef", "该合作省份项目已在本省承接");
    }

    private static ApiProblemException alreadyCancelled() {
        return ApiProblemException.conflict("该承接记录已取消，不能重复取消。", null, null);
    }
}
