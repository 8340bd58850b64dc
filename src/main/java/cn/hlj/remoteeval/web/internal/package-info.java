/**
 * Benchmark-only web endpoints, active under the {@code bench} profile: a no-op that measures the HTTP and
 * security overhead without doing any work, and the drawers of the venue and expert draw benchmarks, which
 * execute the lifecycle's pending jobs through Camunda's public API.
 */
package cn.hlj.remoteeval.web.internal;
