/** The draw mechanism (seed, stream, canonical encodings, chain), the venue draw and the expert draw with its exclusions, their storage, listeners and API. */
package cn.hlj.remoteeval.draw.internal;
