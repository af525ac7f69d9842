package org.mingze.schedule;

/** A member as the session form offers them (as attendee or host). */
public record Person(long id, String name, String unitName) {
}
