package org.mingze.base.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.mingze.base.security.ClientAddress;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Roles;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log (痕迹化管理). {@link #record} joins the caller's transaction, so an entry is stored
 * exactly when the change it describes is. Each entry stores the SHA-256 of its predecessor; {@link #verifyChain()}
 * finds the first entry that was edited, inserted or deleted behind the application's back.
 */
@Service
public class AuditLog {

    private static final int MAX_FIELD = 100;
    private static final int MAX_DETAIL = 1000;

    private final AuditEntryRepository entries;
    private final AuditHeadRepository heads;
    private final Clock clock;
    private final EntityManager em;

    AuditLog(AuditEntryRepository entries, AuditHeadRepository heads, Clock clock, EntityManager em) {
        this.entries = entries;
        this.heads = heads;
        this.clock = clock;
        this.em = em;
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
        AuditHead head = heads.lockHead();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEntry entry = new AuditEntry(head.getLastId() + 1, now, cut(actor == null ? CurrentUser.SYSTEM : actor,
                MAX_FIELD), cut(action, 60), cut(objectType, 60), objectId == null ? null : cut(String.valueOf(objectId),
                MAX_FIELD), cut(sourceAddr, 64), cut(detail, MAX_DETAIL), head.getLastHash());
        entries.save(entry);
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

    /** Walks the whole chain in order and reports the first entry that does not verify. */
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.AUDITOR + "')")
    @Transactional
    public ChainReport verifyChain() {
        ChainReport report = verifyAll();
        record("AUDIT_VERIFY", "audit", null, report.intact() ? "intact, " + report.checked() + " entries"
                : "broken at " + report.firstBrokenId() + ": " + report.problem());
        return report;
    }

    private ChainReport verifyAll() {
        AtomicLong checked = new AtomicLong();
        AtomicReference<String> prevHash = new AtomicReference<>(
                "0000000000000000000000000000000000000000000000000000000000000000");
        AtomicLong expectedId = new AtomicLong(1);
        try (Stream<AuditEntry> stream = entries.streamAllInOrder()) {
            var it = stream.iterator();
            while (it.hasNext()) {
                AuditEntry e = it.next();
                checked.incrementAndGet();
                if (e.getId() != expectedId.get()) {
                    return new ChainReport(false, checked.get(), expectedId.get(), "audit.chain.missing");
                }
                if (!e.getPrevHash().equals(prevHash.get())) {
                    return new ChainReport(false, checked.get(), e.getId(), "audit.chain.link");
                }
                if (!AuditHashing.hash(e).equals(e.getHash())) {
                    return new ChainReport(false, checked.get(), e.getId(), "audit.chain.altered");
                }
                prevHash.set(e.getHash());
                expectedId.incrementAndGet();
                em.detach(e); // keep memory flat on long logs
            }
        }
        AuditHead head = heads.findById(1).orElseThrow();
        if (head.getLastId() != expectedId.get() - 1 || !head.getLastHash().equals(prevHash.get())) {
            return new ChainReport(false, checked.get(), expectedId.get(), "audit.chain.truncated");
        }
        return new ChainReport(true, checked.get(), null, null);
    }

    /** The matching entries as an .xlsx workbook, newest first; the export itself is recorded. */
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.AUDITOR + "')")
    @Transactional
    public byte[] exportXlsx(AuditQuery query, List<String> headers, ZoneId zone) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("audit");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            int[] rowNo = {1};
            int pageNo = 0;
            Page<AuditEntry> page;
            do {
                page = entries.findAll(spec(query), PageRequest.of(pageNo++, 1000, Sort.by(Sort.Direction.DESC, "id")));
                for (AuditEntry e : page) {
                    Row row = sheet.createRow(rowNo[0]++);
                    row.createCell(0).setCellValue(e.getId());
                    row.createCell(1).setCellValue(e.getOccurredAt().atZone(zone).toLocalDateTime().toString()
                            .replace('T', ' '));
                    row.createCell(2).setCellValue(e.getActor());
                    row.createCell(3).setCellValue(e.getAction());
                    row.createCell(4).setCellValue(nz(e.getObjectType()));
                    row.createCell(5).setCellValue(nz(e.getObjectId()));
                    row.createCell(6).setCellValue(nz(e.getSourceAddr()));
                    row.createCell(7).setCellValue(nz(e.getDetail()));
                    row.createCell(8).setCellValue(e.getHash());
                }
            } while (page.hasNext());
            wb.write(out);
            wb.dispose();
            record("AUDIT_EXPORT", "audit", null, (rowNo[0] - 1) + " entries");
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Specification<AuditEntry> spec(AuditQuery q) {
        return (root, cq, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (notBlank(q.actor())) {
                p.add(cb.like(cb.lower(root.get("actor")), "%" + q.actor().trim().toLowerCase() + "%"));
            }
            if (notBlank(q.action())) {
                p.add(cb.equal(root.get("action"), q.action()));
            }
            if (notBlank(q.objectType())) {
                p.add(cb.equal(root.get("objectType"), q.objectType()));
            }
            if (notBlank(q.objectId())) {
                p.add(cb.equal(root.get("objectId"), q.objectId().trim()));
            }
            ZoneId zone = ZoneId.systemDefault();
            if (q.from() != null) {
                p.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), q.from().atStartOfDay(zone).toInstant()));
            }
            if (q.to() != null) {
                p.add(cb.lessThan(root.get("occurredAt"), q.to().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
