/**
 * The integration API (issue 6 part 4, decision 0016): read-only JSON endpoints under {@code /api/} for the cadre
 * management system (an appointment review batch, an official's ledger), authenticated with API tokens that an
 * administrator creates and revokes; tokens are stored hashed, limited to endpoints and a unit subtree, and every
 * call is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "api")
package org.mingze.api;
