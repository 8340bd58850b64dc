package cn.hlj.remoteeval.tender.internal;

/**
 * Where the partner province's share of a cross-province committee stands, for a plan that came through
 * the exchange (column {@code tender.partner_expert_draw}); the partner's seats and answers themselves are
 * the cross-province module's.
 */
enum PartnerExpertDraw {
    /** Not asked yet, or asked and not every seat of the latest round answered. */
    AWAITING,
    /** The latest round came back with a seat the partner could not fill. */
    SHORT,
    /** Every partner seat confirmed. */
    CONFIRMED
}
