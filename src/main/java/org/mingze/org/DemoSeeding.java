package org.mingze.org;

import java.util.function.Predicate;
import org.mingze.base.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every module's demo data does around its own work: act as one of the demo people (so that the real services
 * check and audit as for them), find the demo branch among the units that person manages, and never let demo data
 * stop the application (a failure is logged and the app starts without it). The schedule's, the reviews' and the
 * duty reports' demo data each repeated this before.
 */
@Component
public class DemoSeeding {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);
    /** The branch the demo data of the modules is about. */
    public static final String BRANCH = "城关派出所党支部";

    private final OrgService org;
    private final UserDetailsService users;
    private final TransactionTemplate ownTransaction;

    DemoSeeding(OrgService org, UserDetailsService users, PlatformTransactionManager txm) {
        this.org = org;
        this.users = users;
        this.ownTransaction = new TransactionTemplate(txm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Runs {@code work} as {@code username} with {@link #BRANCH} (nothing when that person does not manage it), then
     * puts the caller's security context back; {@code what} names the data in the log, which says it was loaded when
     * {@code work} says so (false: it was there already).
     */
    public void inBranch(String username, String what, Predicate<UnitNode> work) {
        var previous = CurrentUser.actAs(users.loadUserByUsername(username));
        try {
            UnitNode branch = org.manageableUnits().stream().filter(u -> u.name().equals(BRANCH)).findFirst()
                    .orElse(null);
            if (branch == null) {
                log.warn("{} not loaded: {} does not manage {}", what, username, BRANCH);
                return;
            }
            if (work.test(branch)) {
                log.info("{} loaded for {}", what, BRANCH);
            }
        } catch (RuntimeException e) {
            log.warn("{} not loaded: {}", what, e.getMessage());
        } finally {
            CurrentUser.restore(previous);
        }
    }

    /**
     * As {@link #inBranch}, in a transaction of its own: for demo data made after another transaction's commit (an
     * event listener), which must not join it.
     */
    public void inBranchInOwnTransaction(String username, String what, Predicate<UnitNode> work) {
        ownTransaction.executeWithoutResult(status -> inBranch(username, what, work));
    }
}
