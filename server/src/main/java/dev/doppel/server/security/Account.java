package dev.doppel.server.security;

import java.util.Set;

/** One row of mysql.user with the account's global privileges (static *_priv columns and dynamic grants). */
public record Account(String user, String host, String plugin, String authenticationString, boolean locked,
                      boolean passwordExpired, Set<String> globalPrivileges) {

    public boolean hasGlobalPrivilege(String privilege) {
        return globalPrivileges.contains(privilege);
    }

    /** user@host as MySQL prints it in messages: 'user'@'host'. */
    public String quoted() {
        return "'" + user + "'@'" + host + "'";
    }
}
