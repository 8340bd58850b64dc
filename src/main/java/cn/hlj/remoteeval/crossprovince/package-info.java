/**
 * Cross-province remote evaluation in four parts: the exchange with the national node and partner provinces, the
 * assignment of tenders whose main venue is here, the hosting of partners' tenders, and the partner provinces with
 * the targets of policy 十.
 */
package cn.hlj.remoteeval.crossprovince;
