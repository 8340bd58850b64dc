/**
 * The joint test (联调测试) of policy 十: conformance scenarios run from this province against a partner's
 * node over the exchange, with PING probes that never enter the partner's ordered channel; a run in
 * which every scenario passed moves a negotiating partner to "joint test passed" in the register.
 * Doc: {@code src/docs/exchange/joint-test.md}.
 */
package cn.hlj.remoteeval.crossprovince.jointtest;
