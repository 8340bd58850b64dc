/**
 * This province as main venue: the partner province's plan for a cross-province tender, received with the main
 * venue's seats booked, and void once the tender moves or is withdrawn.
 */
package cn.hlj.remoteeval.crossprovince.assignment;
