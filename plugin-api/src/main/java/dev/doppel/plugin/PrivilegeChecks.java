package dev.doppel.plugin;

/** Privilege questions a plugin may ask the server about an account (user@host as in mysql.user). */
public interface PrivilegeChecks {

    /**
     * Whether the account holds a global privilege: a static one by its SQL name ({@code "SUPER"},
     * {@code "CREATE USER"}) or a dynamic one ({@code "BACKUP_ADMIN"}, {@code "CLONE_ADMIN"}). False for an
     * unknown account.
     */
    boolean hasGlobalPrivilege(String user, String host, String privilege);
}
