package org.mingze.quiz;

/** A bank and how many of its questions are in use and retired. */
public record BankSummary(String name, long questions, long retired) {
}
