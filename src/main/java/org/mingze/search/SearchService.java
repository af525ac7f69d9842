package org.mingze.search;

import java.util.List;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.search.internal.SearchEngine;
import org.mingze.search.internal.Suggester;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Full-text search over the study materials for everyone signed in, and over the question bank (stems and options,
 * never answers) for the people who may open it: organisers, administrators and auditors. Archived materials and
 * retired questions are found by administrators only. Never throws for what a person typed: odd input yields a
 * {@link SearchMessage}.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SearchService {

    /** Suggestions shown while typing. */
    public static final int SUGGESTIONS = 8;

    private final SearchEngine engine;
    private final Suggester suggester;

    SearchService(SearchEngine engine, Suggester suggester) {
        this.engine = engine;
        this.suggester = suggester;
    }

    public SearchResults search(SearchRequest request) {
        return engine.search(request, visibility());
    }

    /** Whether the signed-in person finds questions too (organisers, administrators, auditors). */
    public boolean findsQuestions() {
        return visibility().questions();
    }

    private static SearchEngine.Visibility visibility() {
        boolean admin = CurrentUser.has(Role.ADMIN);
        return new SearchEngine.Visibility(admin || CurrentUser.has(Role.ORGANIZER) || CurrentUser.has(Role.AUDITOR),
                admin);
    }

    /** Domain terms and titles that start with (or contain) what has been typed. */
    public List<String> suggest(String typed) {
        return suggester.suggest(typed, SUGGESTIONS, CurrentUser.has(Role.ADMIN));
    }

    /** Terms and titles that share characters with a query that found nothing: "did you mean". */
    public List<String> related(String q) {
        return suggester.related(q, SUGGESTIONS, CurrentUser.has(Role.ADMIN));
    }
}
