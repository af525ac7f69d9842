package org.mingze.base.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.mingze.base.security.CurrentUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notices (the bell in the header). Any module posts with {@link #post}; a person reads and marks only
 * their own.
 */
@Service
public class NotificationService {

    private final NotificationRepository repo;
    private final Clock clock;

    NotificationService(NotificationRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    /** Posts a notice to an account (by username). Called by modules, not by views. */
    @Transactional
    public long post(String recipientUsername, String title, String body, String link) {
        return repo.save(new Notification(recipientUsername, title, body, link, clock.instant())).getId();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public long unreadCount() {
        return repo.countByRecipientAndReadAtIsNull(CurrentUser.actor());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Notice> inbox(int max) {
        return repo.findByRecipientOrderByCreatedAtDescIdDesc(CurrentUser.actor(), PageRequest.of(0, max)).stream()
                .map(Notification::toNotice).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markRead(long id) {
        Notification n = repo.findById(id).orElseThrow(() -> new AccessDeniedException("no such notice"));
        if (!n.getRecipient().equals(CurrentUser.actor())) {
            throw new AccessDeniedException("not your notice");
        }
        n.markRead(clock.instant());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markAllRead() {
        repo.findByRecipientAndReadAtIsNull(CurrentUser.actor()).forEach(n -> n.markRead(clock.instant()));
    }

    /**
     * The notices these accounts received in [from, to), oldest first, with when each was read: for the ledger
     * (考核台帐) and other modules' system-level reads, never for the browser (the caller checks who may see them).
     */
    @Transactional(readOnly = true)
    public List<ReceivedNotice> receivedForSystem(Collection<String> recipients, Instant from, Instant to) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        return repo.findByRecipientInAndCreatedAtGreaterThanEqualAndCreatedAtLessThanOrderByCreatedAtAscIdAsc(
                recipients, from, to).stream().map(Notification::toReceived).toList();
    }
}
