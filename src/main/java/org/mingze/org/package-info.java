/**
 * The organisation: units (党委 > 党支部 > 党小组), members, their accounts and roles, login, lockout and the
 * unit scope that every other module asks before it shows or changes someone's data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "org")
package org.mingze.org;
