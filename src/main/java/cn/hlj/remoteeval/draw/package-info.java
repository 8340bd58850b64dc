/**
 * Verifiable random draws (the venue draw and the expert draw): hash-chained records whose
 * seeds are revealed when the evaluation ends.
 */
package cn.hlj.remoteeval.draw;
