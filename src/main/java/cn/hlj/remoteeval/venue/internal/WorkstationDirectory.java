package cn.hlj.remoteeval.venue.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.WorkstationDirectoryChanged;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

/**
 * The workstation directory (共享目录) of policy 四: each center registers and maintains its own
 * workstations; the provincial center sees them all. Each request is one transaction, so a refused
 * request changes nothing. A change that may alter the cross-province workstations in service publishes
 * {@link WorkstationDirectoryChanged} in its transaction.
 */
@Service
@Transactional
class WorkstationDirectory {

    private final JdbcWorkstations workstations;
    private final JdbcSeatBookings bookings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkstationDirectory(JdbcWorkstations workstations, JdbcSeatBookings bookings, ApplicationEventPublisher events,
            Clock clock) {
        this.workstations = workstations;
        this.bookings = bookings;
        this.events = events;
        this.clock = clock;
    }

    record ImportResult(int created, int updated) {
    }

    /** Outage and how many booked seats it moved to another workstation of the center. */
    record RecordedOutage(long id, LocalDate from, LocalDate to, String reason, String recordedBy, Instant recordedAt,
            int reassignedSeats) {
    }

    @Transactional(readOnly = true)
    List<WorkstationView> ofCenter(String centerCode) {
        return withOutages(workstations.ofCenter(centerCode));
    }

    @Transactional(readOnly = true)
    List<WorkstationView> all(Boolean crossProvince) {
        return withOutages(workstations.all(crossProvince));
    }

    WorkstationView register(String centerCode, WorkstationFields fields, String registeredBy) {
        try {
            workstations.insert(centerCode, fields, registeredBy, clock.instant());
        } catch (DuplicateKeyException e) {
            throw ApiProblemException.conflict("本中心已登记工位编号 " + fields.code() + "，不能重复登记。", "code", "工位编号已存在");
        }
        crossProvinceChanged(fields.crossProvince());
        return view(load(centerCode, fields.code()));
    }

    WorkstationView update(String centerCode, String code, WorkstationFields fields, Long expectedVersion) {
        Workstation current = load(centerCode, code);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw staleVersion(code);
        }
        if (!workstations.update(current.id(), current.version(), fields, clock.instant())) {
            throw staleVersion(code);
        }
        crossProvinceChanged(current.crossProvince() != fields.crossProvince());
        return view(load(centerCode, code));
    }

    /**
     * Takes a workstation out of service for [from, to]. Seats already booked on it in that range
     * move to another free workstation of the same center; if one cannot, nothing changes.
     */
    RecordedOutage takeOutOfService(String centerCode, String code, LocalDate from, LocalDate to, String reason,
            String recordedBy) {
        Workstation workstation = load(centerCode, code);
        Instant now = clock.instant();
        long id = workstations.insertOutage(workstation.id(), from, to, reason, recordedBy, now);
        int moved = 0;
        for (JdbcSeatBookings.SeatOnWorkstation seat : bookings.seatsOn(workstation.id(), from, to)) {
            if (!bookings.moveSeat(seat, centerCode)) {
                throw ApiProblemException.conflict("工位 " + code + " 在 " + seat.slot().date() + " "
                        + label(seat.slot().halfDay()) + "已被预约，本中心当时没有其他可接替的"
                        + (seat.needsCrossProvince() ? "跨省" : "") + "工位，不能停用。请缩短停用时段或先登记新工位。",
                        "from", "停用时段内有无法调换的预约");
            }
            moved++;
        }
        crossProvinceChanged(workstation.crossProvince());
        return new RecordedOutage(id, from, to, reason, recordedBy, now, moved);
    }

    void returnToService(String centerCode, String code, long outageId) {
        Workstation workstation = load(centerCode, code);
        if (!workstations.deleteOutage(outageId, workstation.id())) {
            throw ApiProblemException.notFound("工位 " + code + " 没有编号为 " + outageId + " 的停用记录。");
        }
        crossProvinceChanged(workstation.crossProvince());
    }

    /** Upserts by code, all rows or none. */
    ImportResult importAll(String centerCode, List<WorkstationFields> rows, String importedBy) {
        Map<String, Workstation> existing = workstations.ofCenter(centerCode).stream()
                .collect(Collectors.toMap(Workstation::code, Function.identity()));
        Instant now = clock.instant();
        int created = 0;
        int updated = 0;
        boolean crossProvinceChanged = false;
        for (WorkstationFields row : rows) {
            Workstation current = existing.get(row.code());
            if (current == null) {
                try {
                    workstations.insert(centerCode, row, importedBy, now);
                } catch (DuplicateKeyException e) {
                    throw ApiProblemException.conflict("导入期间工位编号 " + row.code() + " 已被他人登记，请重新导入。", null, null);
                }
                created++;
                crossProvinceChanged |= row.crossProvince();
            } else {
                if (!workstations.update(current.id(), current.version(), row, now)) {
                    throw staleVersion(row.code());
                }
                updated++;
                crossProvinceChanged |= current.crossProvince() != row.crossProvince();
            }
        }
        crossProvinceChanged(crossProvinceChanged);
        return new ImportResult(created, updated);
    }

    /** Once per request, in its transaction: the shared directory counts cross-province workstations only. */
    private void crossProvinceChanged(boolean changed) {
        if (changed) {
            events.publishEvent(new WorkstationDirectoryChanged(clock.instant()));
        }
    }

    private Workstation load(String centerCode, String code) {
        return workstations.find(centerCode, code)
                .orElseThrow(() -> ApiProblemException.notFound("本中心没有工位编号为 " + code + " 的工位。"));
    }

    private WorkstationView view(Workstation workstation) {
        return withOutages(List.of(workstation)).get(0);
    }

    private List<WorkstationView> withOutages(List<Workstation> list) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<Outage>> outages = workstations
                .outagesOf(list.stream().map(Workstation::id).toList(), today).stream()
                .collect(Collectors.groupingBy(Outage::workstationId));
        return list.stream().map(w -> WorkstationView.of(w, outages.getOrDefault(w.id(), List.of()))).toList();
    }

    private static ApiProblemException staleVersion(String code) {
        return new ApiProblemException(org.springframework.http.HttpStatus.CONFLICT, "与现有数据冲突",
                "工位 " + code + " 已被他人修改，请刷新后重新提交。",
                List.of(new FieldViolation("version", "版本已过期")));
    }

    static String label(HalfDay halfDay) {
        return halfDay == HalfDay.AM ? "上午" : "下午";
    }
}
