/**
 * The seam of the ledger (考核台帐, issue 6): feature modules contribute {@link org.mingze.base.ledger.LedgerEntry}
 * lines through {@link org.mingze.base.ledger.LedgerProvider} beans.
 */
package org.mingze.base.ledger;
