/** The provincial expert pool (综合评标专家库): specialties, experts with their personal data encrypted, their availability, and its import. */
package cn.hlj.remoteeval.expert;
