package org.mingze.base.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "base_notification")
class Notification {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String recipient;
    @Column(nullable = false)
    private String title;
    private String body;
    private String link;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(String recipient, String title, String body, String link, Instant createdAt) {
        this.recipient = recipient;
        this.title = title;
        this.body = body;
        this.link = link;
        this.createdAt = createdAt;
    }

    Long getId() { return id; }
    String getRecipient() { return recipient; }
    Instant getReadAt() { return readAt; }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    Notice toNotice() {
        return new Notice(id, title, body, link, createdAt, readAt != null);
    }

    ReceivedNotice toReceived() {
        return new ReceivedNotice(id, recipient, title, body, link, createdAt, readAt);
    }
}
