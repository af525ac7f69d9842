/**
 * The review module (issue 6, decision 0013): appointment review batches (任前考察 and other 干部任免考核) with a
 * main-responsibility knowledge test per batch, the outcome rules (测试合格 / 暂缓 with one 补考 and 补学 /
 * 不合格 / 未参加 / 免测), candidates' to-dos and reminders, and result sheets with a verification code that a
 * public page {@code /verify/{code}} confirms. Duty reports and the ledger come later.
 */
@org.springframework.modulith.ApplicationModule(displayName = "review")
package org.mingze.review;
