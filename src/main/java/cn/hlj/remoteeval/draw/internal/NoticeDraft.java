package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;

import cn.hlj.remoteeval.draw.DrawKind;

/** A draw notice about to be appended: what the entropy sources plan for. */
record NoticeDraft(String noticeId, DrawKind kind, String subjectId, Instant at) {
}
