package cn.hlj.remoteeval.tender.internal;

import org.springframework.data.relational.core.mapping.Table;

/** How many experts of one specialty the evaluation committee needs. */
@Table("tender_specialty")
record CommitteeSpecialty(String code, int expertCount) {
}
