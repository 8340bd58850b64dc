/** Storage, validation, import, web adapters and demo data of the expert pool; personal data only encrypted at rest. */
package cn.hlj.remoteeval.expert.internal;
