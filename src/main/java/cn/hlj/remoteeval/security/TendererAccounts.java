package cn.hlj.remoteeval.security;

import java.util.Optional;

/**
 * Which tenderer (招标人, by its registered name) an account of the group {@link Groups#TENDERER} speaks
 * for. A tenderer account sees the tenders registered with that tenderer and no other.
 */
public interface TendererAccounts {

    /** The name of the tenderer the user speaks for, or empty when the account is bound to none. */
    Optional<String> tendererOf(String userId);

    /** Whether the user exists and is a member of the group {@link Groups#TENDERER}. */
    boolean isTendererAccount(String userId);

    /** Binds the user to a tenderer (an operator's act; also how the demo account is bound). */
    void bind(String userId, String tendererName);
}
