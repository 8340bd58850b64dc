/**
 * Benchmark-only web endpoints, active under the {@code bench} profile: a no-op that measures the HTTP and
 * security overhead without doing any work, and the drawer of the venue draw benchmark, which executes the
 * lifecycle's pending draw jobs through Camunda's public API.
 */
package cn.hlj.remoteeval.web.internal;
