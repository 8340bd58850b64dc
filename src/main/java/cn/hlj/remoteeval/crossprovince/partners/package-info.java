/**
 * The register of partner provinces and their steps, and the targets of policy 十 judged from it, with their
 * dashboard, daily alert and notes in the monthly report.
 */
package cn.hlj.remoteeval.crossprovince.partners;
