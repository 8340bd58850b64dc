package cn.hlj.remoteeval.handover.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link HandoverStore} in memory, for the domain unit tests. */
class InMemoryHandoverStore implements HandoverStore {

    final Map<String, AvHandover> rows = new LinkedHashMap<>();
    final Map<String, List<SealedItem>> items = new LinkedHashMap<>();
    final List<Supervision> supervisions = new ArrayList<>();

    @Override
    public void insert(AvHandover h) {
        rows.put(h.id(), h);
    }

    @Override
    public Optional<AvHandover> find(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<AvHandover> find(String tenderId, HandoverLeg leg, String legRef) {
        return rows.values().stream()
                .filter(h -> h.tenderId().equals(tenderId) && h.leg() == leg && h.legRef().equals(legRef)).findFirst();
    }

    @Override
    public List<AvHandover> ofTender(String tenderId) {
        return rows.values().stream().filter(h -> h.tenderId().equals(tenderId))
                .sorted(Comparator.comparing(AvHandover::legRef)).toList();
    }

    @Override
    public List<AvHandover> current(HandoverLeg leg, Instant openedAfter) {
        return rows.values().stream().filter(h -> h.leg() == leg
                && (h.state() != HandoverState.RECEIVED || !h.openedAt().isBefore(openedAfter))).toList();
    }

    @Override
    public void deadlineOpened(String id, String deadlineId, LocalDate dueDate) {
        AvHandover h = rows.get(id);
        rows.put(id, new AvHandover(h.id(), h.tenderId(), h.mainCenter(), h.leg(), h.legRef(), h.startDay(), h.state(),
                deadlineId, dueDate, h.medium(), h.itemCount(), h.handedBy(), h.handedAt(), h.receivedBy(),
                h.receivedAt(), h.checksumsVerified(), h.tendererReceiver(), h.remindedAt(), h.breachedAt(), h.openedAt()));
    }

    @Override
    public void handedOver(String id, HandoverState state, Medium medium, List<SealedItem> list, String handedBy,
            Instant handedAt, String tendererReceiver, Instant recordedAt) {
        AvHandover h = rows.get(id);
        rows.put(id, new AvHandover(h.id(), h.tenderId(), h.mainCenter(), h.leg(), h.legRef(), h.startDay(), state,
                h.deadlineId(), h.dueDate(), medium, list.size(), handedBy, handedAt, h.receivedBy(), h.receivedAt(),
                h.checksumsVerified(), tendererReceiver, h.remindedAt(), h.breachedAt(), h.openedAt()));
        items.put(id, List.copyOf(list));
    }

    @Override
    public void received(String id, String receivedBy, Instant receivedAt) {
        AvHandover h = rows.get(id);
        rows.put(id, new AvHandover(h.id(), h.tenderId(), h.mainCenter(), h.leg(), h.legRef(), h.startDay(),
                HandoverState.RECEIVED, h.deadlineId(), h.dueDate(), h.medium(), h.itemCount(), h.handedBy(),
                h.handedAt(), receivedBy, receivedAt, true, h.tendererReceiver(), h.remindedAt(), h.breachedAt(),
                h.openedAt()));
    }

    @Override
    public void reminded(String id, Instant at) {
    }

    @Override
    public void breached(String id, Instant at) {
        AvHandover h = rows.get(id);
        rows.put(id, new AvHandover(h.id(), h.tenderId(), h.mainCenter(), h.leg(), h.legRef(), h.startDay(), h.state(),
                h.deadlineId(), h.dueDate(), h.medium(), h.itemCount(), h.handedBy(), h.handedAt(), h.receivedBy(),
                h.receivedAt(), h.checksumsVerified(), h.tendererReceiver(), h.remindedAt(), at, h.openedAt()));
    }

    @Override
    public List<SealedItem> items(String id) {
        return items.getOrDefault(id, List.of());
    }

    @Override
    public void supervised(Supervision supervision) {
        supervisions.add(supervision);
    }
}
