package org.mingze.search;

/** A facet value and how many hits have it. */
public record FacetCount(String value, int count) {
}
