package cn.hlj.remoteeval.scope.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.scope.Category;
import cn.hlj.remoteeval.scope.RolloutPolicy;
import cn.hlj.remoteeval.scope.RolloutStatus;

/**
 * The rollout as listed in {@code config/rollout.csv} ({@code center,category,live_from}).
 * A malformed file stops the application at start rather than deciding tenders on a guess.
 */
@Component
class CsvRolloutPolicy implements RolloutPolicy {

    private static final Logger log = LoggerFactory.getLogger(CsvRolloutPolicy.class);

    private final Map<String, LocalDate> liveFrom;

    @Autowired
    CsvRolloutPolicy(@Value("${remote-eval.rollout.file}") Resource file) throws IOException {
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            this.liveFrom = parse(reader, file.getDescription());
        }
        log.info("Rollout loaded from {}: {} live (center, category) pairs", file.getDescription(), liveFrom.size());
    }

    CsvRolloutPolicy(Map<String, LocalDate> liveFrom) {
        this.liveFrom = Map.copyOf(liveFrom);
    }

    @Override
    public RolloutStatus statusOf(String centerCode, Category category, LocalDate evaluationDate) {
        LocalDate from = liveFrom.get(key(centerCode, category));
        return from != null && !evaluationDate.isBefore(from) ? RolloutStatus.REMOTE : RolloutStatus.NOT_IN_ROLLOUT;
    }

    static Map<String, LocalDate> parse(Reader source, String description) throws IOException {
        Map<String, LocalDate> result = new HashMap<>();
        BufferedReader reader = new BufferedReader(source);
        boolean headerSeen = false;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = trimmed.split(",", -1);
            if (!headerSeen) {
                if (cells.length != 3 || !"center".equals(cells[0].strip()) || !"category".equals(cells[1].strip())
                        || !"live_from".equals(cells[2].strip())) {
                    throw invalid(description, lineNumber, "header must be center,category,live_from");
                }
                headerSeen = true;
                continue;
            }
            if (cells.length != 3) {
                throw invalid(description, lineNumber, "expected 3 columns");
            }
            String center = cells[0].strip();
            if (!center.matches("[A-Z]{2,16}")) {
                throw invalid(description, lineNumber, "center code '" + center + "' is not a center code");
            }
            Category category;
            try {
                category = Category.valueOf(cells[1].strip());
            } catch (IllegalArgumentException e) {
                throw invalid(description, lineNumber, "unknown category '" + cells[1].strip() + "'");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cells[2].strip());
            } catch (DateTimeParseException e) {
                throw invalid(description, lineNumber, "live_from '" + cells[2].strip() + "' is not an ISO date");
            }
            if (result.put(key(center, category), date) != null) {
                throw invalid(description, lineNumber, "pair " + center + "/" + category + " is listed twice");
            }
        }
        if (!headerSeen) {
            throw invalid(description, lineNumber, "no header row");
        }
        return result;
    }

    private static IllegalStateException invalid(String description, int line, String problem) {
        return new IllegalStateException("Rollout file " + description + ", line " + line + ": " + problem);
    }

    private static String key(String center, Category category) {
        return center + "/" + category.name();
    }
}
