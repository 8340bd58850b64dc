package cn.hlj.remoteeval.venue.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import cn.hlj.remoteeval.web.FieldViolation;

/**
 * What a center says about one of its workstations, checked. The same rules apply to the JSON API
 * and to the import; only the field names in the messages differ.
 *
 * @param code upper case, unique within the center
 */
record WorkstationFields(String code, String room, boolean crossProvince, String avNotes) {

    static final int CODE_MAX = 32;
    static final int ROOM_MAX = 100;
    static final int AV_NOTES_MAX = 500;

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]*");

    /** The workstation code, upper-cased so that it is unique alike under H2 and MySQL collations. */
    static String code(String field, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "工位编号不能为空"));
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (code.length() > CODE_MAX) {
            violations.add(new FieldViolation(field, "工位编号长度不能超过 " + CODE_MAX + " 个字符"));
            return null;
        }
        if (!CODE.matcher(code).matches()) {
            violations.add(new FieldViolation(field, "工位编号只能包含字母、数字、点、下划线和连字符，并以字母或数字开头"));
            return null;
        }
        return code;
    }

    static String room(String field, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "房间不能为空"));
            return null;
        }
        String room = value.strip();
        if (room.length() > ROOM_MAX) {
            violations.add(new FieldViolation(field, "房间长度不能超过 " + ROOM_MAX + " 个字符"));
            return null;
        }
        return room;
    }

    /** Optional; blank means none. */
    static String avNotes(String field, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String notes = value.strip();
        if (notes.length() > AV_NOTES_MAX) {
            violations.add(new FieldViolation(field, "音视频设备说明长度不能超过 " + AV_NOTES_MAX + " 个字符"));
            return null;
        }
        return notes;
    }

    static boolean crossProvince(String field, Boolean value, List<FieldViolation> violations) {
        if (value == null) {
            violations.add(new FieldViolation(field, "是否支持跨省不能为空，应为 true 或 false"));
            return false;
        }
        return value;
    }
}
