/**
 * The ledger (考核台帐, issue 6 part 3, decision 0014): one page per official with everything the other modules
 * keep about them in a year (study, study checks, practice, tests, appointment reviews, duty reports, theme-day
 * attendance and make-ups, reminders and how they were closed), collected from
 * {@link org.mingze.base.ledger.LedgerProvider} beans without knowing the modules, and the one-year evidence pack
 * (述职纪实) as PDF. Visible to the official, organisers of their units and auditors.
 */
@org.springframework.modulith.ApplicationModule(displayName = "ledger")
package org.mingze.ledger;
