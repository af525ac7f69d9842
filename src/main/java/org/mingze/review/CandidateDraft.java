package org.mingze.review;

/** A nominated official: the member, the post held now (optional) and the proposed post (拟任职务). */
public record CandidateDraft(long memberId, String currentPost, String proposedPost) {
}
