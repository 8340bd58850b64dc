/** Storage, web adapters, demo data and the daily cross-province capacity check of the venue module. */
package cn.hlj.remoteeval.venue.internal;
