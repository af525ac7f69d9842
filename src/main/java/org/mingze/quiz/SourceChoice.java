package org.mingze.quiz;

/**
 * A place a question may cite as its source, for the editor's picker: a whole material ({@code value} is its id) or
 * one of its sections ({@code materialId#anchor}).
 *
 * @param label "资料标题" or "资料标题 › 小节标题"
 */
public record SourceChoice(String value, String label) {
}
