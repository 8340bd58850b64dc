package cn.hlj.remoteeval.expert.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import cn.hlj.remoteeval.web.FieldViolation;
import cn.hlj.remoteeval.web.TabularFile;

/**
 * Turns the raw rows of an import file into data rows: skips the header (row 1, checked before),
 * leaves out rows whose cells are all blank, strips every cell and reports cells to the right of
 * the seven columns. Shared by both passes of an import, so that they see the same rows.
 */
final class ImportRows implements StreamingTable.RowHandler {

    /** Receives one non-blank data row: its number, its seven stripped cells, and whether it had extra cells. */
    @FunctionalInterface
    interface DataRowHandler {
        void row(int number, List<String> cells, boolean extraCells);
    }

    private static final int COLUMNS = ExpertImportRows.HEADER.size();

    private final DataRowHandler handler;
    private final Consumer<FieldViolation> problems;

    ImportRows(DataRowHandler handler, Consumer<FieldViolation> problems) {
        this.handler = handler;
        this.problems = problems;
    }

    @Override
    public void row(int number, List<String> raw) {
        if (number == 1) {
            return;
        }
        List<String> cells = new ArrayList<>(COLUMNS);
        boolean blank = true;
        for (int i = 0; i < COLUMNS; i++) {
            String value = i < raw.size() ? raw.get(i).strip() : "";
            blank &= value.isEmpty();
            cells.add(value);
        }
        int extra = -1;
        for (int i = COLUMNS; i < raw.size() && extra < 0; i++) {
            if (!raw.get(i).isBlank()) {
                extra = i + 1;
            }
        }
        if (blank && extra < 0) {
            return;
        }
        if (extra > 0) {
            problems.accept(new FieldViolation(TabularFile.rowField(number),
                    "第 " + extra + " 列有内容，但表头只有 " + COLUMNS + " 列"));
        }
        handler.row(number, cells, extra > 0);
    }

    /**
     * The header check of row 1: exactly the seven column names (trailing empty cells tolerated).
     * The message never repeats what the row holds: without a header it is a data row.
     */
    static FieldViolation headerProblem(int number, List<String> raw) {
        String expected = String.join(",", ExpertImportRows.HEADER);
        if (number != 1) {
            return new FieldViolation(TabularFile.rowField(1), "第 1 行应为表头：" + expected);
        }
        List<String> actual = new ArrayList<>();
        for (String cell : raw) {
            actual.add(cell.strip());
        }
        while (!actual.isEmpty() && actual.get(actual.size() - 1).isEmpty()) {
            actual.remove(actual.size() - 1);
        }
        if (actual.equals(ExpertImportRows.HEADER)) {
            return null;
        }
        return new FieldViolation(TabularFile.rowField(1), "第 1 行应为表头，且与模板完全一致：" + expected);
    }
}
