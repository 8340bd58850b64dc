/** Venues: the province's trading centers, their remote-evaluation workstations (the shared directory) and the seats booked on them. */
package cn.hlj.remoteeval.venue;
