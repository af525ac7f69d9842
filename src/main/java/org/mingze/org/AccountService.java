package org.mingze.org;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.PasswordPolicy;
import org.mingze.base.security.Role;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.AccountRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's own account (password), and the one-time creation of the first administrator. */
@Service
@Transactional(readOnly = true)
public class AccountService {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder encoder, PasswordPolicy policy, AuditLog audit,
                   Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** True when the signed-in person must replace a temporary password. */
    @PreAuthorize("isAuthenticated()")
    public boolean mustChangePassword() {
        return accounts.findByUsernameIgnoreCase(CurrentUser.actor()).map(Account::isMustChangePassword).orElse(false);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String current, String next, String repeat) {
        Account a = accounts.findByUsernameIgnoreCase(CurrentUser.actor())
                .orElseThrow(() -> new ValidationException(Problem.of("current", "account.error.no-account")));
        if (current == null || !encoder.matches(current, a.getPasswordHash())) {
            throw new ValidationException(Problem.of("current", "password.wrong-current"));
        }
        checkNew(next, repeat, a.getUsername());
        if (encoder.matches(next, a.getPasswordHash())) {
            throw new ValidationException(Problem.of("next", "password.same-as-old"));
        }
        a.changePassword(encoder.encode(next), false);
        audit.record("ACCOUNT_PASSWORD_CHANGE", "account", a.getUsername(), null);
    }

    /** True until an enabled administrator exists: then the set-up page closes for good. */
    public boolean setupNeeded() {
        return !accounts.existsEnabledWithRole(Role.ADMIN);
    }

    /**
     * Creates the first administrator. Works only while there is none; the check and the insert run in one
     * transaction, and a second concurrent call fails on the unique username or finds the admin.
     */
    @Transactional
    public void createFirstAdmin(String username, String displayName, String password, String repeat) {
        if (!setupNeeded()) {
            throw new ValidationException(Problem.of("username", "setup.error.done"));
        }
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!user.matches("[a-z0-9_.-]{3,50}")) {
            throw new ValidationException(Problem.of("username", "setup.error.username"));
        }
        String name = displayName == null || displayName.isBlank() ? user : displayName.strip();
        checkNew(password, repeat, user);
        Optional<Account> existing = accounts.findByUsernameIgnoreCase(user);
        if (existing.isPresent()) {
            throw new ValidationException(Problem.of("username", "setup.error.taken"));
        }
        Account a = new Account(user, encoder.encode(password), null, name, clock.instant());
        a.setRoles(EnumSet.of(Role.ADMIN));
        accounts.save(a);
        audit.record("SETUP_ADMIN", "account", user, "first administrator");
    }

    private void checkNew(String next, String repeat, String username) {
        Optional<String> broken = policy.check(next, username);
        if (broken.isPresent()) {
            throw new ValidationException(Problem.of("next", broken.get(), PasswordPolicy.MIN_LENGTH,
                    PasswordPolicy.MAX_LENGTH));
        }
        if (!next.equals(repeat)) {
            throw new ValidationException(Problem.of("repeat", "password.mismatch"));
        }
    }

    /** The roles of an account, for tests and the shell. */
    public List<Role> rolesOf(String username) {
        return accounts.findByUsernameIgnoreCase(username).map(a -> List.copyOf(a.getRoles())).orElse(List.of());
    }
}
