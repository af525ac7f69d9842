/**
 * The duty-report module (述职评议 with 主体责任知识问答, issue 6 part 2, decision 0015): sessions of reporting
 * leaders; the live knowledge Q&A (a control screen with the answer key and a presenter screen for the projector;
 * questions drawn at random without repeat and stored before they are shown; marks and reveals stored as they
 * happen); the written test through the exam engine (purpose DUTY_REPORT); the anonymous democratic appraisal
 * (民主评议) with a session code; the per-reporter summary (printable, .xlsx) and the ledger lines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "duty")
package org.mingze.duty;
