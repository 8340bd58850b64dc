/** Benchmark-only web endpoints, active under the {@code bench} profile, that measure the HTTP and security overhead without doing any work. */
package cn.hlj.remoteeval.web.internal;
