package cn.hlj.remoteeval.venue.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.hlj.remoteeval.web.FieldViolation;
import cn.hlj.remoteeval.web.TabularFile;

/**
 * Checks every row of a workstation import before anything is written. The file is taken only
 * when no row has a problem; otherwise every problem is reported, each naming its row and column.
 */
final class WorkstationImportRows {

    static final String CODE = "工位编号";
    static final String ROOM = "房间";
    static final String CROSS_PROVINCE = "支持跨省";
    static final String AV_NOTES = "音视频设备说明";
    static final List<String> HEADER = List.of(CODE, ROOM, CROSS_PROVINCE, AV_NOTES);

    private WorkstationImportRows() {
    }

    /** The rows as workstations, or the problems found; never both. */
    record Checked(List<WorkstationFields> workstations, List<FieldViolation> violations) {

        boolean valid() {
            return violations.isEmpty();
        }
    }

    static Checked check(TabularFile file) {
        return check(file.rows(), file.violations());
    }

    static Checked check(List<TabularFile.DataRow> rows, List<FieldViolation> fileViolations) {
        List<FieldViolation> violations = new ArrayList<>(fileViolations);
        List<WorkstationFields> workstations = new ArrayList<>();
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        for (TabularFile.DataRow row : rows) {
            int before = violations.size();
            String code = WorkstationFields.code(row.field(CODE), row.cell(0), violations);
            String room = WorkstationFields.room(row.field(ROOM), row.cell(1), violations);
            Boolean crossProvince = yesNo(row.field(CROSS_PROVINCE), row.cell(2), violations);
            String avNotes = WorkstationFields.avNotes(row.field(AV_NOTES), row.cell(3), violations);
            if (code != null) {
                Integer first = firstRowOfCode.putIfAbsent(code, row.number());
                if (first != null) {
                    violations.add(new FieldViolation(row.field(CODE), "工位编号 " + code + " 与第 " + first + " 行重复"));
                }
            }
            if (violations.size() == before) {
                workstations.add(new WorkstationFields(code, room, crossProvince, avNotes));
            }
        }
        return violations.isEmpty() ? new Checked(workstations, List.of()) : new Checked(List.of(), violations);
    }

    private static Boolean yesNo(String field, String value, List<FieldViolation> violations) {
        return switch (value) {
            case "是" -> Boolean.TRUE;
            case "否" -> Boolean.FALSE;
            case "" -> {
                violations.add(new FieldViolation(field, "支持跨省不能为空，应填“是”或“否”"));
                yield null;
            }
            default -> {
                violations.add(new FieldViolation(field, "支持跨省应填“是”或“否”，不能填“" + value + "”"));
                yield null;
            }
        };
    }
}
