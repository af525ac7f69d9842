package org.mingze.ledger.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mingze.base.i18n.Formats;
import org.mingze.base.ledger.LedgerEntry;
import org.mingze.base.ledger.LedgerProvider;
import org.mingze.base.ledger.LedgerSection;
import org.mingze.base.ledger.LedgerYear;
import org.mingze.base.notify.NotificationService;
import org.mingze.base.notify.ReceivedNotice;
import org.mingze.org.MemberService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reminders on the ledger: every in-app notice the member's account received in the year (reminders, escalations,
 * notices), and whether and when it was read. Notices live in base, which does not know members, so this provider
 * sits in the ledger module and finds the member's account through the org module. How a reminder was closed comes
 * from the module that sent it (a REMINDER line with the same day and title, merged by the ledger).
 */
@Component
class NoticeLedger implements LedgerProvider {

    private static final int MAX_DETAIL = 140;

    private final NotificationService notices;
    private final MemberService members;
    private final MessageSource messages;
    private final Clock clock;

    NoticeLedger(NotificationService notices, MemberService members, MessageSource messages, Clock clock) {
        this.notices = notices;
        this.members = members;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<LedgerEntry> ledgerEntries(long memberId, int year, Locale locale) {
        LedgerYear y = new LedgerYear(year, clock.getZone());
        List<LedgerEntry> out = new ArrayList<>();
        for (ReceivedNotice n : received(memberId, y)) {
            String body = n.body() == null ? null
                    : n.body().length() > MAX_DETAIL ? n.body().substring(0, MAX_DETAIL) + "…" : n.body();
            String read = n.readAt() == null ? messages.getMessage("ledger.notice.unread", null, locale)
                    : messages.getMessage("ledger.notice.read", new Object[]{Formats.date(y.day(n.readAt()), locale)},
                    locale);
            out.add(new LedgerEntry(LedgerSection.REMINDER, y.day(n.createdAt()), n.title(), body, read, n.link()));
        }
        return out;
    }

    @Override
    public Set<Integer> ledgerYears(long memberId) {
        // notices are few; the ledger offers the current year anyway, and older notices come with older records
        return Set.of();
    }

    private List<ReceivedNotice> received(long memberId, LedgerYear y) {
        var usernames = members.usernames(List.of(memberId)).values();
        return notices.receivedForSystem(usernames, y.from(), y.to());
    }
}
