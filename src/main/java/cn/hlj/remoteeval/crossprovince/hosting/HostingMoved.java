package cn.hlj.remoteeval.crossprovince.hosting;

import cn.hlj.remoteeval.venue.Slot;

/**
 * The partner moved the evaluation of a tender hosted here, and the hosting's seats moved with it to the new
 * slot at the same center under the same session code. Published in the transaction that moves them, for
 * what the hosting runs on the day (the hosted draw, the session day) to follow.
 */
record HostingMoved(String hostingId, Slot from, Slot to) {
}
