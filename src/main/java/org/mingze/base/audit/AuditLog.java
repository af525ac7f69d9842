package org.mingze.base.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.mingze.base.security.ClientAddress;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Roles;
import org.mingze.base.time.BureauZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only audit log (痕迹化管理). {@link #record} joins the caller's transaction, so an entry is stored
 * exactly when the change it describes is. Each entry stores the SHA-256 of its predecessor; {@link #verifyChain()}
 * finds the first entry that was edited, inserted or deleted behind the application's back.
 * <p>
 * Writers are serialised by a lock on the single head row, held until the caller's transaction ends: record at
 * the end of a long transaction rather than at its start, so that logins are not kept waiting.
 */
@Service
public class AuditLog {

    /** The previous hash of the very first entry. */
    static final String GENESIS = "0".repeat(64);
    /** Entries read per query when walking or exporting the log; the persistence context is cleared after each. */
    static final int PAGE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_FIELD = 100;
    private static final int MAX_DETAIL = 1000;
    private static final DateTimeFormatter EXPORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditEntryRepository entries;
    private final AuditHeadRepository heads;
    private final Clock clock;
    private final EntityManager em;
    private final TransactionTemplate readOwnTransaction;
    private final TransactionTemplate write;

    AuditLog(AuditEntryRepository entries, AuditHeadRepository heads, Clock clock, EntityManager em,
             PlatformTransactionManager transactions) {
        this.entries = entries;
        this.heads = heads;
        this.clock = clock;
        this.em = em;
        // Long reads run in a read-only transaction of their own: their persistence context can be cleared page by
        // page without detaching anything a caller still holds.
        this.readOwnTransaction = new TransactionTemplate(transactions);
        this.readOwnTransaction.setReadOnly(true);
        this.readOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.write = new TransactionTemplate(transactions);
    }

    /** Records an action of the signed-in person (or "system"), from the current request's address. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String objectType, Object objectId, String detail) {
        recordAs(CurrentUser.actor(), action, objectType, objectId, detail, ClientAddress.current());
    }

    /**
     * Records an action in a transaction of its own, committed even when the caller's transaction rolls back: for
     * refusals (a rejected import) that leave nothing else behind.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordOnItsOwn(String action, String objectType, Object objectId, String detail) {
        recordAs(CurrentUser.actor(), action, objectType, objectId, detail, ClientAddress.current());
    }

    /** Records an action with an explicit actor and address (login events, where no one is signed in yet). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String actor, String action, String objectType, Object objectId, String detail,
                         String sourceAddr) {
        Objects.requireNonNull(action, "action");
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // A read-only transaction never flushes: the entry would vanish without a word (or fail on PostgreSQL).
            throw new IllegalStateException("audit entry " + action + " recorded inside a read-only transaction");
        }
        AuditHead head = heads.lockHead();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEntry entry = new AuditEntry(head.getLastId() + 1, now,
                cut(actor == null ? CurrentUser.SYSTEM : actor, MAX_FIELD), cut(action, 60), cut(objectType, 60),
                objectId == null ? null : cut(String.valueOf(objectId), MAX_FIELD), cut(sourceAddr, 64),
                cut(detail, MAX_DETAIL), head.getLastHash());
        em.persist(entry); // the id is assigned, so save() would merge: one SELECT more per entry
        head.advance(entry);
    }

    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.AUDITOR + "')")
    @Transactional(readOnly = true)
    public Page<AuditRecord> search(AuditQuery query, int page, int size) {
        return entries.findAll(spec(query), PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")))
                .map(AuditEntry::toRecord);
    }

    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.AUDITOR + "')")
    @Transactional(readOnly = true)
    public long count(AuditQuery query) {
        return entries.count(spec(query));
    }

    /**
     * Walks the whole chain in order and reports the first entry that does not verify; memory stays flat however
     * long the log is. The verification is itself recorded.
     */
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.AUDITOR + "')")
    public ChainReport verifyChain() {
        ChainReport report = Objects.requireNonNull(readOwnTransaction.execute(s -> verifyAll()));
        String detail = report.intact() ? "intact, " + report.checked() + " entries"
                : "broken at " + report.firstBrokenId() + ": " + report.problem();
        try {
            write.executeWithoutResult(s -> record("AUDIT_VERIFY", "audit", null, detail));
        } catch (DataAccessException | TransactionException ex) {
            // A row forged beyond the head takes the id the next entry needs; the auditor must still see the report.
            LOG.error("could not record the chain verification ({})", detail, ex);
        }
        return report;
    }

    private ChainReport verifyAll() {
        // Entries up to the head's id were committed together with the head (writers hold its lock), so reading the
        // head first gives a consistent end point even while others keep writing.
        Object[] head = readHead();
        long lastId = (Long) head[0];
        String lastHash = (String) head[1];
        long checked = 0;
        long expectedId = 1;
        String prevHash = GENESIS;
        long after = Long.MIN_VALUE; // ids of 0 and below are forgeries too
        while (true) {
            List<AuditEntry> page = em.createQuery(
                            "select e from AuditEntry e where e.id > :after and e.id <= :last order by e.id",
                            AuditEntry.class)
                    .setParameter("after", after).setParameter("last", lastId)
                    .setMaxResults(PAGE).getResultList();
            for (AuditEntry e : page) {
                checked++;
                if (e.getId() < expectedId) {
                    return new ChainReport(false, checked, e.getId(), "audit.chain.extra");
                }
                if (e.getId() != expectedId) {
                    return new ChainReport(false, checked, expectedId, "audit.chain.missing");
                }
                if (!e.getPrevHash().equals(prevHash)) {
                    return new ChainReport(false, checked, e.getId(), "audit.chain.link");
                }
                if (!AuditHashing.hash(e).equals(e.getHash())) {
                    return new ChainReport(false, checked, e.getId(), "audit.chain.altered");
                }
                prevHash = e.getHash();
                expectedId++;
            }
            em.clear(); // keep memory flat on long logs
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).getId();
        }
        if (expectedId <= lastId) {
            return new ChainReport(false, checked, expectedId, "audit.chain.truncated");
        }
        if (!prevHash.equals(lastHash)) {
            // the newest entry is self-consistent but not the one the head remembers: replaced
            return new ChainReport(false, checked, lastId, "audit.chain.altered");
        }
        Long beyond = em.createQuery("select min(e.id) from AuditEntry e where e.id > :last", Long.class)
                .setParameter("last", lastId).getSingleResult();
        if (beyond != null) {
            // either written since we read the head (then the head covers it now), or inserted behind our back
            long nowLast = (Long) readHead()[0];
            Long forged = em.createQuery("select min(e.id) from AuditEntry e where e.id > :last", Long.class)
                    .setParameter("last", nowLast).getSingleResult();
            if (forged != null) {
                return new ChainReport(false, checked, forged, "audit.chain.extra");
            }
        }
        return new ChainReport(true, checked, null, null);
    }

    private Object[] readHead() {
        // a scalar query, never the cached entity: the second read must see what others committed meanwhile
        return em.createQuery("select h.lastId, h.lastHash from AuditHead h where h.id = 1", Object[].class)
                .getSingleResult();
    }

    /** The matching entries as an .xlsx workbook in memory; see the streaming variant for large logs. */
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.AUDITOR + "')")
    public byte[] exportXlsx(AuditQuery query, List<String> headers, ZoneId zone) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exportXlsx(query, headers, zone, UnaryOperator.identity(), out);
        return out.toByteArray();
    }

    /**
     * Writes the matching entries, newest first, as an .xlsx workbook to {@code out} (which stays open), and records
     * the export. Columns: id, time, person, action (as {@code actionLabel} names it), action code, object type,
     * object id, source address, detail, hash; {@code headers} names them in the reader's language. A log longer
     * than one sheet continues on the next.
     */
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.AUDITOR + "')")
    public void exportXlsx(AuditQuery query, List<String> headers, ZoneId zone, UnaryOperator<String> actionLabel,
                           OutputStream out) {
        long rows;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            try {
                wb.setCompressTempFiles(true);
                rows = Objects.requireNonNull(
                        readOwnTransaction.execute(s -> fill(wb, query, headers, zone, actionLabel)));
                wb.write(out);
            } finally {
                wb.dispose(); // the temporary files behind the streamed rows
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        write.executeWithoutResult(s -> record("AUDIT_EXPORT", "audit", null, rows + " entries" + describe(query)));
    }

    private long fill(SXSSFWorkbook wb, AuditQuery query, List<String> headers, ZoneId zone,
                      UnaryOperator<String> actionLabel) {
        int maxRows = SpreadsheetVersion.EXCEL2007.getMaxRows();
        Sheet sheet = null;
        int rowNo = maxRows;
        long written = 0;
        long before = Long.MAX_VALUE;
        Specification<AuditEntry> spec = spec(query);
        while (true) {
            long bound = before;
            // keyset, not offset: entries written meanwhile can neither shift nor repeat rows
            List<AuditEntry> page = entries.findBy(spec.and((root, cq, cb) -> cb.lessThan(root.get("id"), bound)),
                    q -> q.sortBy(Sort.by(Sort.Direction.DESC, "id")).limit(PAGE).all());
            for (AuditEntry e : page) {
                if (rowNo >= maxRows) {
                    sheet = newSheet(wb, headers);
                    rowNo = 1;
                }
                Row row = sheet.createRow(rowNo++);
                row.createCell(0).setCellValue(e.getId());
                row.createCell(1).setCellValue(EXPORT_TIME.format(e.getOccurredAt().atZone(zone)));
                row.createCell(2).setCellValue(e.getActor());
                row.createCell(3).setCellValue(actionLabel.apply(e.getAction()));
                row.createCell(4).setCellValue(e.getAction());
                row.createCell(5).setCellValue(nz(e.getObjectType()));
                row.createCell(6).setCellValue(nz(e.getObjectId()));
                row.createCell(7).setCellValue(nz(e.getSourceAddr()));
                row.createCell(8).setCellValue(nz(e.getDetail()));
                row.createCell(9).setCellValue(e.getHash());
                written++;
            }
            em.clear();
            if (page.size() < PAGE) {
                break;
            }
            before = page.get(page.size() - 1).getId();
        }
        if (sheet == null) {
            newSheet(wb, headers);
        }
        return written;
    }

    private static Sheet newSheet(SXSSFWorkbook wb, List<String> headers) {
        int n = wb.getNumberOfSheets();
        Sheet sheet = wb.createSheet(n == 0 ? "audit" : "audit-" + (n + 1));
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            header.createCell(i).setCellValue(headers.get(i));
        }
        return sheet;
    }

    private static String describe(AuditQuery q) {
        StringBuilder sb = new StringBuilder();
        append(sb, "actor ~ ", q.actor());
        append(sb, "action = ", q.action());
        append(sb, "type = ", q.objectType());
        append(sb, "object = ", q.objectId());
        append(sb, "from ", q.from() == null ? null : q.from().toString());
        append(sb, "to ", q.to() == null ? null : q.to().toString());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String label, String value) {
        if (notBlank(value)) {
            sb.append(", ").append(label).append(value.strip());
        }
    }

    private static Specification<AuditEntry> spec(AuditQuery q) {
        return (root, cq, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (notBlank(q.actor())) {
                p.add(cb.like(cb.lower(root.get("actor")), "%" + escapeLike(q.actor().strip().toLowerCase()) + "%",
                        '\\'));
            }
            if (notBlank(q.action())) {
                p.add(cb.equal(root.get("action"), q.action().strip()));
            }
            if (notBlank(q.objectType())) {
                p.add(cb.equal(root.get("objectType"), q.objectType().strip()));
            }
            if (notBlank(q.objectId())) {
                p.add(cb.equal(root.get("objectId"), q.objectId().strip()));
            }
            ZoneId zone = BureauZone.get();
            if (q.from() != null) {
                p.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), q.from().atStartOfDay(zone).toInstant()));
            }
            if (q.to() != null) {
                p.add(cb.lessThan(root.get("occurredAt"), q.to().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }

    /** A person filter of "a_b" or "50%" means those characters, not LIKE's wildcards. */
    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * Shortens a value to the column's size and replaces control characters (PostgreSQL refuses NUL in text, and a
     * login name is whatever a stranger typed), without splitting a surrogate pair.
     */
    static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (sb.length() <= max) {
            return sb.toString();
        }
        int end = max - 1;
        if (Character.isHighSurrogate(sb.charAt(end - 1))) {
            end--;
        }
        return sb.substring(0, end) + "…";
    }
}
