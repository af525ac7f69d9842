package org.mingze.search.internal;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter's default passage score (BM25 over the passage's distinct terms, see {@link PassageScorer}),
 * computed without the {@code BytesRefHash} that Lucene's own implementation allocates for every passage (32 KB each;
 * a document of 2,000 characters has a dozen passages, a page of hits over a hundred: it was a tenth of the time
 * of a search). A passage holds a handful of matches, so its distinct terms are found by comparing them directly;
 * they are summed in the same order, so the scores are the same as Lucene's.
 */
final class SnippetScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int n = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        BytesRef[] distinct = new BytesRef[n];
        int[] freqInPassage = new int[n];
        int[] freqInDoc = new int[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            int id = -1;
            for (int k = 0; k < size; k++) {
                if (distinct[k].bytesEquals(terms[i])) {
                    id = k;
                    break;
                }
            }
            if (id < 0) {
                id = size++;
                distinct[id] = terms[i];
                freqInDoc[id] = freqsInDoc[i];
            }
            freqInPassage[id]++;
        }
        double score = 0;
        for (int k = 0; k < size; k++) {
            score += tf(freqInPassage[k], passage.getLength()) * weight(contentLength, freqInDoc[k]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
