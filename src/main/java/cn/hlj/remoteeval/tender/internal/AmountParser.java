package cn.hlj.remoteeval.tender.internal;

import java.math.BigDecimal;
import java.util.List;

import cn.hlj.remoteeval.web.FieldViolation;

/** Reads an amount in yuan given as a decimal string: non-negative, at most two decimals. */
final class AmountParser {

    /** DECIMAL(17,2): fifteen integer digits, far above any contract in the province. */
    private static final int MAX_INTEGER_DIGITS = 15;

    private AmountParser() {
    }

    /** The amount at scale 2, or {@code null} after adding the reason to {@code violations}. */
    static BigDecimal parse(String field, String text, boolean positive, List<FieldViolation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new FieldViolation(field, "不能为空"));
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            violations.add(new FieldViolation(field, "应为以元为单位的数字，例如 \"12000000.00\""));
            return null;
        }
        if (amount.signum() < 0) {
            violations.add(new FieldViolation(field, "不能为负数"));
            return null;
        }
        if (positive && amount.signum() == 0) {
            violations.add(new FieldViolation(field, "必须大于 0"));
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            violations.add(new FieldViolation(field, "最多保留两位小数（分）"));
            return null;
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            violations.add(new FieldViolation(field, "金额超出允许范围"));
            return null;
        }
        return amount.setScale(2);
    }
}
