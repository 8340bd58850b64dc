/** Storage and web adapters of the venue module. */
package cn.hlj.remoteeval.venue.internal;
