package cn.hlj.remoteeval.reporting.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.reporting.MonthlyReport;
import cn.hlj.remoteeval.reporting.ReportFigure;

/**
 * SHA-256 over the report's figures as JSON: the month, then every center's and the province's
 * figures in the directory's and the enum's order. The generation time and the notes are left out,
 * so that a month regenerated later gives the same digest as the report that was submitted.
 */
final class FiguresDigest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FiguresDigest() {
    }

    static String of(MonthlyReport report) {
        return sha256(json(report));
    }

    static String json(MonthlyReport report) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("month", report.month().toString());
        List<Object> rows = new ArrayList<>();
        report.centers().forEach(row -> rows.add(row(row)));
        rows.add(row(report.province()));
        figures.put("rows", rows);
        try {
            return JSON.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> row(MonthlyReport.Row row) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (ReportFigure figure : ReportFigure.values()) {
            counts.put(figure.name(), row.get(figure));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", row.code());
        json.put("figures", counts);
        return json;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
