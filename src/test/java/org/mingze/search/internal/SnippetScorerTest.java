package org.mingze.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class SnippetScorerTest {

    private static final String[] TERMS = {"一岗双责", "主体", "责任", "主体责任", "监督", "两个责任"};

    @Test
    void scores_every_passage_exactly_as_lucenes_passage_scorer() {
        Random random = new Random(7);
        PassageScorer lucene = new PassageScorer();
        SnippetScorer ours = new SnippetScorer();
        for (int round = 0; round < 2000; round++) {
            Passage p = new Passage();
            int start = random.nextInt(3000);
            int length = 20 + random.nextInt(200);
            p.setStartOffset(start);
            p.setEndOffset(start + length);
            int matches = random.nextInt(8);
            for (int m = 0; m < matches; m++) {
                int at = start + random.nextInt(length - 4);
                // a new BytesRef per match, as the highlighter makes them: equal terms are not the same object
                String term = TERMS[random.nextInt(TERMS.length)];
                p.addMatch(at, at + 2, new BytesRef(term), 1 + random.nextInt(9));
            }
            int contentLength = start + length + random.nextInt(2000);
            assertThat(ours.score(p, contentLength)).as("passage %d", round)
                    .isEqualTo(lucene.score(p, contentLength));
        }
    }

    @Test
    void a_passage_with_two_distinct_terms_outscores_one_that_repeats_one_term_as_often() {
        Passage distinct = new Passage();
        distinct.setStartOffset(0);
        distinct.setEndOffset(100);
        distinct.addMatch(0, 2, new BytesRef("主体"), 3);
        distinct.addMatch(10, 12, new BytesRef("责任"), 3);
        Passage repeated = new Passage();
        repeated.setStartOffset(0);
        repeated.setEndOffset(100);
        repeated.addMatch(0, 2, new BytesRef("主体"), 3);
        repeated.addMatch(10, 12, new BytesRef("主体"), 3);
        SnippetScorer scorer = new SnippetScorer();
        assertThat(scorer.score(distinct, 1000)).isGreaterThan(scorer.score(repeated, 1000));
    }
}
