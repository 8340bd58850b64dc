/**
 * The exchange with the national node and partner provinces: the versioned message set, its signed and
 * sealed envelope (SM2 over SM3, SM4) and the checks every incoming message passes before anything reads it.
 */
package cn.hlj.remoteeval.crossprovince.exchange;
