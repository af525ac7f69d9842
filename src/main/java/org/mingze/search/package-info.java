/**
 * Search: a Lucene index over the library's material sections and the question bank's questions (for the people who
 * may open the bank), Chinese-aware analysis, a small query language for people, highlighted hits with facets,
 * suggestions as you type, and a JSON API. The index is derived data: it is rebuilt from the library and the bank
 * whenever it is missing, damaged or of an older format.
 */
@org.springframework.modulith.ApplicationModule(displayName = "search")
package org.mingze.search;
