package cn.hlj.remoteeval.expert.internal;

import java.time.Instant;

import cn.hlj.remoteeval.expert.ExpertCategory;

/** An expert row as stored: personal data only as ciphertext and the blind index. */
record StoredExpert(long id, String ref, String nameEnc, String idNumberEnc, String idNumberIndex, String mobileEnc,
        String specialtyCode, ExpertCategory category, String employer, String city, ExpertStatus status,
        String statusReason, long version, Instant createdAt, String createdBy, String createdSource,
        Instant updatedAt) {
}
