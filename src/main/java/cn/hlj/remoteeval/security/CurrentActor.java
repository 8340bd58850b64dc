package cn.hlj.remoteeval.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The authenticated person behind the current request, and the roles the policy gives them. */
@Component
public class CurrentActor {

    /** Who acts when no person does (process engine jobs, event listeners). */
    public static final String SYSTEM = "system";

    public String userId() {
        Authentication authentication = authentication();
        return authentication == null ? SYSTEM : authentication.getName();
    }

    public boolean isOperator() {
        return inGroup(Groups.OPERATOR);
    }

    public boolean isStaffOf(String centerCode) {
        return centerCode != null && inGroup(Groups.staffOf(centerCode));
    }

    public boolean isSupervisorOf(String centerCode) {
        return centerCode != null && inGroup(Groups.supervisorOf(centerCode));
    }

    public boolean isPoolAdmin() {
        return inGroup(Groups.POOL_ADMIN);
    }

    /** The provincial DRC (省发展改革委), which receives the monthly report. */
    public boolean isDrc() {
        return inGroup(Groups.DRC);
    }

    public boolean isTenderer() {
        return inGroup(Groups.TENDERER);
    }

    private boolean inGroup(String group) {
        Authentication authentication = authentication();
        if (authentication == null) {
            return false;
        }
        String authority = Groups.authority(group);
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication;
    }
}
