/**
 * Shared kernel: security (roles, the current user, login protection), the append-only audit log,
 * in-app notices, the to-do contract, i18n, the content-folder watcher and the app shell. Every feature module may
 * use it; it uses none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "base", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.mingze.base;
