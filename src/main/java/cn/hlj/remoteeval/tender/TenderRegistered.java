package cn.hlj.remoteeval.tender;

import java.time.Instant;

import cn.hlj.remoteeval.scope.Category;

/** A trading center's staff registered a tender section. */
public record TenderRegistered(String tenderId, String sectionCode, String mainCenter, Category category,
        String registeredBy, Instant registeredAt) {
}
