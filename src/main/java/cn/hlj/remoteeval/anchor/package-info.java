/** Anchors of the draw chain and the audit chain outside the database: daily signed head statements, sent to the supervisors and checked against the chains. */
package cn.hlj.remoteeval.anchor;
