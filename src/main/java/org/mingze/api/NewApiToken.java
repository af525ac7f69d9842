package org.mingze.api;

/**
 * A token just created: {@code token} is shown to the administrator this once and is stored nowhere (only its
 * SHA-256 is kept).
 */
public record NewApiToken(ApiTokenRow row, String token) {
}
