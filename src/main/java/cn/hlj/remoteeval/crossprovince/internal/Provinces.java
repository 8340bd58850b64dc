package cn.hlj.remoteeval.crossprovince.internal;

/** This province, as partners and staff name it. */
final class Provinces {

    static final String HOME = "黑龙江省";

    /** The provincial center: it arranges cross-province evaluation through the national system (policy 十). */
    static final String PROVINCIAL_CENTER = "PROV";

    private Provinces() {
    }

    /** Whether a province name entered by staff means this province ("黑龙江" or "黑龙江省"). */
    static boolean isHome(String province) {
        if (province == null) {
            return false;
        }
        String name = province.strip();
        return name.equals(HOME) || name.equals(HOME.substring(0, HOME.length() - 1));
    }
}
