package org.mingze.quiz.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mingze.quiz.Grade;
import org.springframework.stereotype.Component;

/**
 * Open practices and study checks, in memory (decision 0010): which questions (id and the version shown) a person
 * was given, and which of them they have answered. Bounded: a person keeps at most {@value #MAX_PER_PERSON} open
 * (starting another drops the one used longest ago), and one unused for {@link #IDLE_EXPIRY} is gone. A restart
 * forgets them; what counts (the wrong-answer book, a material marked studied) is in the database already.
 */
@Component
public class PracticeStore {

    public static final Duration IDLE_EXPIRY = Duration.ofHours(4);
    public static final int MAX_PER_PERSON = 10;
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    public enum Kind { PRACTICE, CHECK }

    /** A question as given: its id and the version shown, which is the one graded. */
    public record Given(String questionId, int version) {
    }

    /**
     * One open practice or check. Its answers change under its own lock ({@code synchronized (session)}).
     *
     * @param subject what was practised: a bank, tag or material id; null for the whole wrong-answer book
     */
    public static final class Session {
        private final String id;
        private final long memberId;
        private final Kind kind;
        private final String subject;
        private final List<Given> questions;
        private final Map<String, Grade> answers = new LinkedHashMap<>();
        private final Map<WrongAnswerBook.Change, Integer> bookChanges = new LinkedHashMap<>();
        private volatile Instant lastUsed;
        private boolean closed;

        Session(String id, long memberId, Kind kind, String subject, List<Given> questions, Instant now) {
            this.id = id;
            this.memberId = memberId;
            this.kind = kind;
            this.subject = subject;
            this.questions = List.copyOf(questions);
            this.lastUsed = now;
        }

        public String id() {
            return id;
        }

        public long memberId() {
            return memberId;
        }

        public Kind kind() {
            return kind;
        }

        public String subject() {
            return subject;
        }

        public List<Given> questions() {
            return questions;
        }

        public Optional<Given> given(String questionId) {
            return questions.stream().filter(g -> g.questionId().equals(questionId)).findFirst();
        }

        /** The grades so far, by question id, in the order answered. Read under the session's lock. */
        public Map<String, Grade> answers() {
            return answers;
        }

        public boolean answered(String questionId) {
            return answers.containsKey(questionId);
        }

        public void answer(String questionId, Grade grade, WrongAnswerBook.Change change) {
            answers.put(questionId, grade);
            bookChanges.merge(change, 1, Integer::sum);
        }

        public int bookChanges(WrongAnswerBook.Change change) {
            return bookChanges.getOrDefault(change, 0);
        }

        /** A study check is submitted once; a retry starts a new one. */
        public boolean closed() {
            return closed;
        }

        public void close() {
            closed = true;
        }

        Instant lastUsed() {
            return lastUsed;
        }
    }

    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Instant lastSweep = Instant.EPOCH;

    PracticeStore(Clock clock) {
        this.clock = clock;
    }

    /** Opens a practice or check for a person, dropping their oldest ones beyond the limit. */
    public Session open(long memberId, Kind kind, String subject, List<Given> questions) {
        Instant now = clock.instant();
        sweep(now);
        Session s = new Session(UUID.randomUUID().toString(), memberId, kind, subject, questions, now);
        synchronized (this) {
            List<Session> mine = sessions.values().stream().filter(o -> o.memberId == memberId)
                    .sorted(Comparator.comparing(Session::lastUsed)).toList();
            for (int i = 0; i <= mine.size() - MAX_PER_PERSON; i++) {
                sessions.remove(mine.get(i).id);
            }
            sessions.put(s.id, s);
        }
        return s;
    }

    /** The session with this id if it is still open (not expired); using it keeps it alive. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        Instant now = clock.instant();
        if (s == null) {
            return Optional.empty();
        }
        if (expired(s, now)) {
            sessions.remove(id, s);
            return Optional.empty();
        }
        s.lastUsed = now;
        return Optional.of(s);
    }

    /** How many sessions are open (expired ones not yet swept included): for tests and monitoring. */
    public int size() {
        return sessions.size();
    }

    private void sweep(Instant now) {
        if (Duration.between(lastSweep, now).compareTo(SWEEP_EVERY) < 0) {
            return;
        }
        lastSweep = now;
        sessions.values().removeIf(s -> expired(s, now));
    }

    private static boolean expired(Session s, Instant now) {
        return s.lastUsed.plus(IDLE_EXPIRY).isBefore(now);
    }
}
