/** Cross-province remote evaluation: the partner province's plan for tenders whose main venue is here, and partners' tenders hosted here. */
package cn.hlj.remoteeval.crossprovince;
