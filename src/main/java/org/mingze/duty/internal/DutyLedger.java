package org.mingze.duty.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mingze.base.ledger.LedgerEntry;
import org.mingze.base.ledger.LedgerProvider;
import org.mingze.base.ledger.LedgerSection;
import org.mingze.duty.Rating;
import org.mingze.duty.Voting;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger lines of duty reports: one per session the member reported in that year, with the Q&A score, the
 * written test score and (once voting is closed) the appraisal tally.
 */
@Component
class DutyLedger implements LedgerProvider {

    private final DutyStore store;
    private final MessageSource messages;

    DutyLedger(DutyStore store, MessageSource messages) {
        this.store = store;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public List<LedgerEntry> ledgerEntries(long memberId, int year, Locale locale) {
        List<LedgerEntry> out = new ArrayList<>();
        for (DutyStore.Reporter r : store.reportersOf(memberId)) {
            DutyStore.Session s = store.session(r.sessionId()).orElseThrow();
            if (s.year() != year) {
                continue;
            }
            List<DutyStore.Draw> draws = store.draws(r.id());
            BigDecimal qa = draws.stream().map(DutyStore.Draw::awarded).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal qaMax = s.points().multiply(BigDecimal.valueOf(s.perReporter()));
            boolean qaDone = draws.size() >= s.perReporter() && draws.stream().allMatch(DutyStore.Draw::done);
            String qaText = draws.isEmpty() ? t(locale, "duty.ledger.qa-none")
                    : t(locale, "duty.ledger.qa", plain(qa), plain(qaMax));
            String test = s.examId() == null ? t(locale, "duty.ledger.test-none")
                    : r.testScore() == null ? t(locale, "duty.ledger.test-pending")
                    : t(locale, "duty.ledger.test", plain(r.testScore()), plain(r.testMax()));
            String appraisal;
            if (s.voting() == Voting.CLOSED) {
                Map<Rating, Integer> tally = store.tally(r.id());
                appraisal = t(locale, "duty.ledger.appraisal", tally.get(Rating.EXCELLENT),
                        tally.get(Rating.COMPETENT), tally.get(Rating.BASIC), tally.get(Rating.INCOMPETENT));
            } else {
                appraisal = t(locale, "duty.ledger.appraisal-open");
            }
            out.add(new LedgerEntry(LedgerSection.DUTY_REPORT, s.meetingDay(), s.name(),
                    qaText + "；" + test + "；" + appraisal,
                    qaDone ? t(locale, "duty.ledger.outcome", plain(qa)) : t(locale, "duty.ledger.outcome-open"),
                    null));
        }
        return out;
    }

    private String t(Locale l, String key, Object... args) {
        return messages.getMessage(key, args, l);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
