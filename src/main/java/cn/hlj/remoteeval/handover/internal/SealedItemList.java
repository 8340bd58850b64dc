package cn.hlj.remoteeval.handover.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the item list of a hand-over form: one line per file, {@code 文件名,SHA-256}. A file name may
 * itself hold commas, so the checksum is what follows the last one; full-width commas count too,
 * because that is what a Chinese keyboard types.
 */
final class SealedItemList {

    static final int MAX_ITEMS = 500;
    static final int MAX_FILE_NAME = 500;
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-fA-F]{64}");

    private SealedItemList() {
    }

    /**
     * @param text the submitted list, null when the field was left empty
     * @param itemCount the item count the form states
     * @throws InvalidForm naming the first line at fault, or the count that does not match
     */
    static List<SealedItem> parse(String text, int itemCount) {
        if (itemCount < 1 || itemCount > MAX_ITEMS) {
            throw new InvalidForm("件数应为 1 至 " + MAX_ITEMS + " 之间的整数");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidForm("请填写移交清单：每行一个文件，格式为“文件名,SHA-256校验值”");
        }
        List<SealedItem> items = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            int comma = Math.max(line.lastIndexOf(','), line.lastIndexOf('，'));
            if (comma < 0) {
                throw new InvalidForm("移交清单第 " + lineNo + " 行格式有误：应为“文件名,SHA-256校验值”");
            }
            String fileName = line.substring(0, comma).strip();
            String checksum = line.substring(comma + 1).strip();
            if (fileName.isEmpty()) {
                throw new InvalidForm("移交清单第 " + lineNo + " 行缺少文件名");
            }
            if (fileName.length() > MAX_FILE_NAME) {
                throw new InvalidForm("移交清单第 " + lineNo + " 行文件名过长（最多 " + MAX_FILE_NAME + " 个字符）");
            }
            if (!SHA_256.matcher(checksum).matches()) {
                throw new InvalidForm("移交清单第 " + lineNo + " 行的 SHA-256 校验值应为 64 位十六进制字符（0-9、a-f）");
            }
            items.add(new SealedItem(items.size() + 1, fileName, checksum.toLowerCase(Locale.ROOT)));
        }
        if (items.size() != itemCount) {
            throw new InvalidForm("移交清单有 " + items.size() + " 项，与填写的件数 " + itemCount + " 不符");
        }
        return List.copyOf(items);
    }
}
