package org.mingze.library;

import java.util.Set;

/**
 * Published after materials were loaded, changed, uploaded, archived or restored ({@code changed}) or disappeared
 * ({@code removed}). Listeners re-read the changed ones through {@link MaterialSource}.
 */
public record MaterialsChanged(Set<String> changed, Set<String> removed) {
}
