package cn.hlj.remoteeval.crossprovince.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** This province, as partners and staff name it, and the provinces that may become its partners. */
public final class Provinces {

    public static final String HOME = "黑龙江省";

    /** The provincial center: it arranges cross-province evaluation through the national system (policy 十). */
    public static final String PROVINCIAL_CENTER = "PROV";

    /**
     * The mainland's provincial-level divisions other than this one, keyed by their ISO 3166-2:CN
     * code (without "CN-"): the national dispatch system joins provinces, not cities.
     */
    public static final Map<String, String> PARTNERS = partners();

    private Provinces() {
    }

    /** Whether a province name entered by staff means this province ("黑龙江" or "黑龙江省"). */
    public static boolean isHome(String province) {
        if (province == null) {
            return false;
        }
        String name = province.strip();
        return name.equals(HOME) || name.equals(HOME.substring(0, HOME.length() - 1));
    }

    /** The partner province's full name for a code such as "JL"; empty for this province and unknown codes. */
    public static Optional<String> partnerName(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(PARTNERS.get(code.strip().toUpperCase()));
    }

    private static Map<String, String> partners() {
        Map<String, String> all = new TreeMap<>();
        String[][] pairs = { { "BJ", "北京市" }, { "TJ", "天津市" }, { "HE", "河北省" }, { "SX", "山西省" },
                { "NM", "内蒙古自治区" }, { "LN", "辽宁省" }, { "JL", "吉林省" }, { "SH", "上海市" }, { "JS", "江苏省" },
                { "ZJ", "浙江省" }, { "AH", "安徽省" }, { "FJ", "福建省" }, { "JX", "江西省" }, { "SD", "山东省" },
                { "HA", "河南省" }, { "HB", "湖北省" }, { "HN", "湖南省" }, { "GD", "广东省" }, { "GX", "广西壮族自治区" },
                { "HI", "海南省" }, { "CQ", "重庆市" }, { "SC", "四川省" }, { "GZ", "贵州省" }, { "YN", "云南省" },
                { "XZ", "西藏自治区" }, { "SN", "陕西省" }, { "GS", "甘肃省" }, { "QH", "青海省" }, { "NX", "宁夏回族自治区" },
                { "XJ", "新疆维吾尔自治区" } };
        for (String[] pair : pairs) {
            all.put(pair[0], pair[1]);
        }
        return Collections.unmodifiableMap(all);
    }
}
