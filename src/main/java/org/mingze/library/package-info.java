/**
 * The library: study materials from {@code content/} and uploads, rendered safely, read with a table of contents,
 * and the study records (学时) of each person. Tells other modules about changes with {@link MaterialsChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "library")
package org.mingze.library;
