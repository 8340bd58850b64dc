package cn.hlj.remoteeval.tender;

import cn.hlj.remoteeval.scope.Category;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.venue.Slot;

/**
 * What other modules may know about a tender section: ids and non-personal facts. The scope is
 * null until it is decided.
 */
public record TenderFacts(String id, String sectionCode, String mainCenter, Category category, Scope scope,
        TenderState state, Slot slot, int committeeSize) {
}
