/**
 * Verification of drand beacon rounds (quicknet's BLS12-381 scheme), kept free of Spring so the same code runs in
 * the server and in the standalone draw verifier.
 */
package cn.hlj.remoteeval.draw.beacon;
