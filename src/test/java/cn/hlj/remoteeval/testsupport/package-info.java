/** Test support shared by the integration tests: one Spring context per database, and a report of the databases that ran. */
package cn.hlj.remoteeval.testsupport;
