package cn.hlj.remoteeval.crossprovince.assignment;

import java.util.List;

/** A validated partner assignment: seats at this province's main venue, and the partner's sub-venues. */
record PartnerAssignment(String partnerProvince, int mainVenueSeats, List<SubVenue> subVenues) {

    /** One sub-venue the partner fixed. Confidential: stored, never shown, never logged. */
    record SubVenue(String province, String venue, int seats) {
    }

    PartnerAssignment {
        subVenues = List.copyOf(subVenues);
    }

    int subVenueSeats() {
        return subVenues.stream().mapToInt(SubVenue::seats).sum();
    }

    /** Deliberately without the sub-venues, so that a stray log line or debugger view cannot show them. */
    @Override
    public String toString() {
        return "PartnerAssignment[partnerProvince=" + partnerProvince + ", mainVenueSeats=" + mainVenueSeats
                + ", subVenueSeats=" + subVenueSeats() + "]";
    }
}
