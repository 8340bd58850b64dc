/**
 * The shared directories of policy 三 and 四 in the exchange: the expert pool's (experts in service per
 * specialty and city) and the cross-province workstations' (per center that hosts partners' tenders),
 * counts only, published to the partners that may receive them and kept as each partner sends its own.
 */
package cn.hlj.remoteeval.crossprovince.directory;
