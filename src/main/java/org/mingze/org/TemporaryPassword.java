package org.mingze.org;

/** A one-time password an administrator hands over; the person must change it at the first login. */
public record TemporaryPassword(String username, String password) {
}
