package cn.hlj.remoteeval.expert.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.security.PersonalDataCipher;

/**
 * Writes imported experts: a 身份证号 not in the pool (by its blind index) is a new expert with a
 * random reference (version 0, its source in the row); a known one gets the changed fields, a new
 * version and a history line naming the changed fields, with their previous values only inside an
 * encrypted snapshot; an unchanged one is left alone. Runs inside the caller's transaction, one chunk of rows at a time.
 */
@Component
class ExpertWriter {

    static final String CREATED_FIELDS = "name,idNumber,mobile,specialtyCode,category,employer,city";

    private final JdbcExperts experts;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json;

    ExpertWriter(JdbcExperts experts, PersonalDataCipher cipher, ObjectMapper json) {
        this.experts = experts;
        this.cipher = cipher;
        this.json = json;
    }

    record Counts(long created, long updated, long unchanged) {

        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(created + other.created, updated + other.updated, unchanged + other.unchanged);
        }
    }

    Counts upsert(List<ExpertFields> rows, String source, String actor, Instant at) {
        Map<String, ExpertFields> byIndex = new LinkedHashMap<>();
        for (ExpertFields row : rows) {
            byIndex.put(cipher.blindIndex(row.idNumber()), row);
        }
        Map<String, StoredExpert> existing = experts.byIdNumberIndex(byIndex.keySet());
        List<JdbcExperts.NewExpert> created = new ArrayList<>();
        List<JdbcExperts.ChangedExpert> changed = new ArrayList<>();
        List<JdbcExperts.HistoryLine> history = new ArrayList<>();
        long unchanged = 0;
        for (Map.Entry<String, ExpertFields> entry : byIndex.entrySet()) {
            ExpertFields row = entry.getValue();
            StoredExpert stored = existing.get(entry.getKey());
            if (stored == null) {
                String ref = UUID.randomUUID().toString();
                created.add(new JdbcExperts.NewExpert(ref, cipher.encrypt(row.name()), cipher.encrypt(row.idNumber()),
                        entry.getKey(), cipher.encrypt(row.mobile()), row.specialtyCode(), row.category(),
                        row.employer(), row.city()));
                continue;
            }
            Change change = diff(stored, row);
            if (change.fields().isEmpty()) {
                unchanged++;
                continue;
            }
            changed.add(new JdbcExperts.ChangedExpert(stored.id(), stored.version(),
                    change.fields().contains("name") ? cipher.encrypt(row.name()) : stored.nameEnc(),
                    stored.idNumberEnc(),
                    change.fields().contains("mobile") ? cipher.encrypt(row.mobile()) : stored.mobileEnc(),
                    row.specialtyCode(), row.category(), row.employer(), row.city()));
            history.add(new JdbcExperts.HistoryLine(stored.ref(), stored.version() + 1, at, actor, source,
                    String.join(",", change.fields()), snapshot(change.previous())));
        }
        experts.insertAll(created, actor, source, at);
        experts.updateAll(changed, at);
        experts.appendHistory(history);
        return new Counts(created.size(), changed.size(), unchanged);
    }

    /** The encrypted JSON of values before a change; personal or not, so that the column has one form. */
    String snapshot(Map<String, String> previous) {
        try {
            return cipher.encrypt(json.writeValueAsString(previous));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("History snapshot could not be written");
        }
    }

    private record Change(List<String> fields, Map<String, String> previous) {
    }

    private Change diff(StoredExpert stored, ExpertFields row) {
        List<String> fields = new ArrayList<>();
        Map<String, String> previous = new LinkedHashMap<>();
        String name = cipher.decrypt(stored.nameEnc());
        String mobile = cipher.decrypt(stored.mobileEnc());
        compare("name", name, row.name(), fields, previous);
        compare("mobile", mobile, row.mobile(), fields, previous);
        compare("specialtyCode", stored.specialtyCode(), row.specialtyCode(), fields, previous);
        compare("category", stored.category().name(), row.category().name(), fields, previous);
        compare("employer", stored.employer(), row.employer(), fields, previous);
        compare("city", stored.city(), row.city(), fields, previous);
        return new Change(fields, previous);
    }

    private static void compare(String field, String before, String after, List<String> fields,
            Map<String, String> previous) {
        if (!Objects.equals(before, after)) {
            fields.add(field);
            previous.put(field, before);
        }
    }
}
