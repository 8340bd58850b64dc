package cn.hlj.remoteeval.draw.internal;

import java.util.Objects;

import cn.hlj.remoteeval.expert.ExpertCategory;

/** One line of an expert draw's eligible list: the opaque reference and the facts the draw uses, nothing personal. */
record EligibleExpert(String expertRef, String specialty, ExpertCategory category, String city) {

    EligibleExpert {
        if (!Canonical.isKey(expertRef) || !Canonical.isKey(specialty) || !Canonical.isKey(city)) {
            throw new IllegalArgumentException("expert reference, specialty and city must be codes");
        }
        Objects.requireNonNull(category, "category");
    }
}
