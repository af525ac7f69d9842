package org.mingze.org.internal;

import org.mingze.base.security.CurrentUser;
import org.mingze.org.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from MINGZE_ADMIN_USERNAME / MINGZE_ADMIN_PASSWORD when the database has none.
 * Without them, the one-time set-up page (/setup) does it.
 */
@Component
@Order(10)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountService accounts;
    private final String username;
    private final String password;

    FirstAdmin(AccountService accounts, @Value("${mingze.admin.username:}") String username,
               @Value("${mingze.admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.setupNeeded()) {
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            log.warn("No administrator yet: open /setup in a browser to create the first one "
                    + "(or start with MINGZE_ADMIN_USERNAME and MINGZE_ADMIN_PASSWORD set).");
            return;
        }
        accounts.createFirstAdmin(username, null, password, password);
        log.info("Created the first administrator '{}' from the environment ({}).", username, CurrentUser.SYSTEM);
    }
}
