/** The draw mechanism (seed, stream, canonical encodings, chain), the venue draw, its storage, listeners and API. */
package cn.hlj.remoteeval.draw.internal;
