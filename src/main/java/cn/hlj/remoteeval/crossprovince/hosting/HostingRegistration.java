package cn.hlj.remoteeval.crossprovince.hosting;

import cn.hlj.remoteeval.venue.Slot;

/** A validated request to host a partner's tender here. */
record HostingRegistration(String partnerProvince, String partnerTenderRef, String centerCode, Slot slot, int seats) {
}
