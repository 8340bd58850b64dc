/**
 * Verifiable random draws (the venue draw now, the expert draw next): hash-chained records whose
 * seeds are revealed when the evaluation ends.
 */
package cn.hlj.remoteeval.draw;
