package org.mingze.base.notify;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {
    long countByRecipientAndReadAtIsNull(String recipient);

    List<Notification> findByRecipientOrderByCreatedAtDescIdDesc(String recipient, Pageable page);

    List<Notification> findByRecipientAndReadAtIsNull(String recipient);

    List<Notification> findByRecipientInAndCreatedAtGreaterThanEqualAndCreatedAtLessThanOrderByCreatedAtAscIdAsc(
            java.util.Collection<String> recipients, java.time.Instant from, java.time.Instant to);
}
