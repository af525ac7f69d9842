package org.mingze.search.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.mingze.quiz.IndexableQuestion;
import org.mingze.quiz.QuestionSource;
import org.mingze.quiz.QuestionsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the questions of the index in step with the question bank: on {@link QuestionsChanged} (after the
 * publisher's transaction commits, or at once without one) it re-reads the changed questions from
 * {@link QuestionSource} (a retired one stays indexed, flagged for administrators; one that no longer exists is
 * removed), on the {@link IndexWorker}'s thread. Start-up and full rebuilds are {@link SearchIndexer}'s.
 */
@Component
class QuestionIndexer extends TypeIndexer<IndexableQuestion> {

    private static final Logger log = LoggerFactory.getLogger(QuestionIndexer.class);

    private final ObjectProvider<QuestionSource> sources;

    QuestionIndexer(SearchIndex index, IndexWorker worker, ObjectProvider<QuestionSource> sources) {
        super(index, worker);
        this.sources = sources;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(QuestionsChanged event) {
        submitChange(event.changed(), event.removed());
    }

    @Override
    String type() {
        return SearchFields.TYPE_QUESTION;
    }

    private Optional<QuestionSource> source() {
        try {
            return Optional.ofNullable(sources.getIfAvailable());
        } catch (RuntimeException e) {
            log.warn("No unique QuestionSource ({}); no question is indexed", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    Optional<List<IndexableQuestion>> all() {
        return source().map(QuestionSource::all);
    }

    @Override
    List<IndexableQuestion> find(Collection<String> ids) {
        return source().map(s -> s.find(ids)).orElse(List.of());
    }

    @Override
    String id(IndexableQuestion q) {
        return q.id();
    }

    @Override
    String fingerprint(IndexableQuestion q) {
        return QuestionDocuments.fingerprint(q);
    }

    @Override
    List<Document> documents(IndexableQuestion q) {
        return QuestionDocuments.documents(q, index.facetsConfig());
    }
}
