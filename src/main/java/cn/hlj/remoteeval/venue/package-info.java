/** Venues: the province's trading centers and (later) their remote-evaluation workstations and bookings. */
package cn.hlj.remoteeval.venue;
