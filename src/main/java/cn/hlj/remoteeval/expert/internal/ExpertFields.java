package cn.hlj.remoteeval.expert.internal;

import cn.hlj.remoteeval.expert.ExpertCategory;

/**
 * One expert as the import file gives it, already checked and normalised. Holds personal data in
 * plain text: it lives only in memory on its way to the cipher and is never logged.
 */
record ExpertFields(String name, String idNumber, String mobile, String specialtyCode, ExpertCategory category,
        String employer, String city) {

    /** Never the personal data. */
    @Override
    public String toString() {
        return "ExpertFields[" + specialtyCode + ", " + category + ", " + city + "]";
    }
}
