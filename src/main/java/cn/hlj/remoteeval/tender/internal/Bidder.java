package cn.hlj.remoteeval.tender.internal;

import org.springframework.data.relational.core.mapping.Table;

/** A bidder's organisation as read out at bid opening (开标). */
@Table("tender_bidder")
record Bidder(String name) {
}
