/**
 * The schedule module: theme days (主题党日) and 三会一课 sessions of a unit — planning with recurrence and annual
 * study plans, the cadence check, check-in with rotating codes, leave and make-up study (补学), minutes and the
 * session record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "schedule")
package org.mingze.schedule;
