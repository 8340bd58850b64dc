package cn.hlj.remoteeval.venue;

import java.time.Instant;

/**
 * The cross-province workstations in service may have changed (policy 四's directory): a cross-province
 * workstation was registered or imported, a workstation's cross-province flag was set or cleared, or a
 * cross-province workstation was taken out of or returned to service. Published in the transaction of
 * the change; it carries no center, workstation or person, only when the change was made.
 *
 * @param at when the change was made
 */
public record WorkstationDirectoryChanged(Instant at) {
}
