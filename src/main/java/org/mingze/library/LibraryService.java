package org.mingze.library;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.i18n.Languages;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.MingzeUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.internal.Anchors;
import org.mingze.library.internal.Catalog;
import org.mingze.library.internal.FrontMatter;
import org.mingze.library.internal.LibraryContent;
import org.mingze.library.internal.LoadProblem;
import org.mingze.library.internal.Material;
import org.mingze.library.internal.MaterialState;
import org.mingze.library.internal.MaterialStateRepository;
import org.mingze.library.internal.StudyCompletion;
import org.mingze.library.internal.StudyCompletionRepository;
import org.mingze.library.internal.UploadText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library for people: browse and read materials, and (organisers, administrators) upload, describe, archive and
 * reload them. Archived materials exist only for administrators. Every change is in the audit log and announced with
 * {@link MaterialsChanged}.
 */
@Service
@Transactional(readOnly = true)
public class LibraryService {

    private static final String ORGANIZER_OR_ADMIN = "hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')";
    private static final String ADMIN = "hasRole('" + Roles.ADMIN + "')";

    private final Catalog catalog;
    private final LibraryContent content;
    private final MaterialStateRepository states;
    private final StudyCompletionRepository completions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    LibraryService(Catalog catalog, LibraryContent content, MaterialStateRepository states,
                   StudyCompletionRepository completions, AuditLog audit, ApplicationEventPublisher events,
                   MessageSource messages, Clock clock) {
        this.catalog = catalog;
        this.content = content;
        this.states = states;
        this.completions = completions;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    // --- reading -----------------------------------------------------------------------------------------------

    /** The materials the signed-in person may see, in content order; archived ones only for administrators. */
    @PreAuthorize("isAuthenticated()")
    public List<MaterialCard> materials() {
        Set<String> archived = archivedIds();
        Set<String> studied = studiedIds();
        boolean admin = CurrentUser.has(Role.ADMIN);
        return catalog.current().materials().stream().filter(m -> admin || !archived.contains(m.id()))
                .map(m -> card(m, archived, studied)).toList();
    }

    /**
     * A material for the reader, if it exists and the person may see it. An id that names no material is also
     * tried as a path under content/materials (a link written as a file path).
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<MaterialPage> read(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Set<String> archived = archivedIds();
        boolean admin = CurrentUser.has(Role.ADMIN);
        List<Material> visible = catalog.current().materials().stream()
                .filter(m -> admin || !archived.contains(m.id())).toList();
        Optional<Material> found = visible.stream().filter(m -> m.id().equals(id)).findFirst()
                .or(() -> visible.stream().filter(m -> m.relPath().equals(id + ".md")).findFirst());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Material m = found.get();
        List<Material> sameCategory = visible.stream().filter(o -> o.category().equals(m.category())).toList();
        int i = sameCategory.indexOf(m);
        MaterialPage.Neighbour prev = i > 0 ? neighbour(sameCategory.get(i - 1)) : null;
        MaterialPage.Neighbour next = i < sameCategory.size() - 1 ? neighbour(sameCategory.get(i + 1)) : null;
        return Optional.of(new MaterialPage(card(m, archived, studiedIds()), m.source(), m.html(), m.toc(), prev,
                next));
    }

    /** The categories of the materials the person may see, in Chinese collation order (for the upload form). */
    @PreAuthorize("isAuthenticated()")
    public List<String> categories() {
        Collator collator = Collator.getInstance(Languages.CHINESE);
        return materials().stream().map(MaterialCard::category).distinct().sorted(collator).toList();
    }

    // --- administration ----------------------------------------------------------------------------------------

    /** The files under content/materials that were not loaded, with line and reason in the given language. */
    @PreAuthorize(ADMIN)
    public List<RejectedFile> rejectedFiles(Locale locale) {
        return catalog.current().problems().stream().map(p -> rejected(p, locale)).toList();
    }

    /**
     * Re-reads content/materials now, recorded as CONTENT_RELOAD with counts. Announces every loaded material as
     * changed ({@link MaterialsChanged}), so that a reload also lets the search index catch up.
     */
    @PreAuthorize(ADMIN)
    @Transactional(readOnly = false)
    public ReloadResult reload() {
        return content.reload("manual", true);
    }

    /** Hides a material from everyone but administrators; its file stays as it is. */
    @PreAuthorize(ADMIN)
    @Transactional
    public void archive(String id) {
        setArchived(id, true);
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public void restore(String id) {
        setArchived(id, false);
    }

    private void setArchived(String id, boolean archived) {
        Material m = loaded(id);
        MaterialState state = states.findById(id).orElseGet(() -> new MaterialState(id));
        if (state.isArchived() == archived) {
            return;
        }
        state.setArchived(archived, clock.instant(), CurrentUser.actor());
        states.save(state);
        audit.record(archived ? "MATERIAL_ARCHIVE" : "MATERIAL_RESTORE", "material", id, m.title());
        events.publishEvent(new MaterialsChanged(Set.of(id), Set.of()));
    }

    // --- uploads -----------------------------------------------------------------------------------------------

    /**
     * Extracts the text of an uploaded file (.md, .txt, .docx, .pdf, up to 20 MB). Stores nothing; refuses
     * encrypted, unreadable and empty files with a {@link ValidationException} on the field "file".
     */
    @PreAuthorize(ORGANIZER_OR_ADMIN)
    public UploadDraft extract(String fileName, byte[] data) {
        UploadText.Extracted e;
        try {
            e = UploadText.extract(fileName, data);
        } catch (ValidationException refused) {
            // nothing is stored, but a refused file is still a trace worth keeping
            audit.recordOnItsOwn("MATERIAL_UPLOAD_REJECTED", "material", null, String.valueOf(fileName) + ": "
                    + refused.problems().stream().map(Problem::key).distinct().toList());
            throw refused;
        }
        FrontMatter.Fields f = e.fields();
        MaterialMeta suggested = f == null ? new MaterialMeta(e.title(), null, List.of(), null, null, null)
                : new MaterialMeta(e.title(), f.category(), f.tags(), f.source(), f.date(), f.summary());
        int headings = (int) e.body().lines().filter(l -> l.startsWith("## ") || l.startsWith("### ")).count();
        return new UploadDraft(fileName, e.body(), suggested, headings);
    }

    /**
     * Stores an extracted upload as content/materials/uploads/&lt;slug&gt;.md with the organiser's fields, loads it
     * and returns its id. Recorded as MATERIAL_UPLOAD.
     */
    @PreAuthorize(ORGANIZER_OR_ADMIN)
    @Transactional
    public String publish(UploadDraft draft, MaterialMeta meta) {
        MaterialMeta clean = checked(meta);
        if (draft == null || draft.body() == null || draft.body().isBlank()) {
            throw new ValidationException(Problem.of("file", "library.upload.error.empty",
                    draft == null ? "" : draft.fileName()));
        }
        String slug = uniqueSlug(clean.title());
        String relPath = Material.UPLOADS + slug + ".md";
        String id = Material.UPLOADS + slug;
        FrontMatter.Fields fields = new FrontMatter.Fields(clean.title(), clean.category(), clean.tags(),
                clean.source(), clean.date(), clean.summary(), id, null);
        content.write(relPath, FrontMatter.write(fields, draft.body()));
        try {
            content.refreshQuietly();
            Material m = catalog.current().byId().get(id);
            if (m == null || !m.relPath().equals(relPath)) {
                throw new ValidationException(Problem.of("file", "library.upload.error.unreadable", draft.fileName()));
            }
            audit.record("MATERIAL_UPLOAD", "material", id, draft.fileName() + " -> " + relPath + ": "
                    + clean.title());
            events.publishEvent(new MaterialsChanged(Set.of(id), Set.of()));
            return id;
        } catch (RuntimeException e) {
            content.delete(relPath);
            content.refreshQuietly();
            throw e;
        }
    }

    /** The fields of an uploaded material, for editing. */
    @PreAuthorize(ORGANIZER_OR_ADMIN)
    public MaterialMeta meta(String id) {
        Material m = uploaded(id);
        return new MaterialMeta(m.title(), m.category(), m.tags(), m.source(), m.date(), m.summary());
    }

    /** Rewrites the front matter of an uploaded material (its text and id stay). Recorded as MATERIAL_UPDATE. */
    @PreAuthorize(ORGANIZER_OR_ADMIN)
    @Transactional
    public void updateMeta(String id, MaterialMeta meta) {
        Material m = uploaded(id);
        MaterialMeta clean = checked(meta);
        List<LoadProblem> ignored = new ArrayList<>();
        String text = new String(content.read(m.relPath()), java.nio.charset.StandardCharsets.UTF_8);
        FrontMatter.Split split = FrontMatter.split(text.startsWith("\uFEFF") ? text.substring(1) : text, m.file(),
                ignored);
        FrontMatter.Fields old = split == null ? null : FrontMatter.read(split, m.file(), ignored);
        String body = split == null ? text : split.body();
        FrontMatter.Fields fields = new FrontMatter.Fields(clean.title(), clean.category(), clean.tags(),
                clean.source(), clean.date(), clean.summary(), m.id(), old == null ? null : old.minutes());
        byte[] before = content.read(m.relPath());
        content.write(m.relPath(), FrontMatter.write(fields, body));
        try {
            content.refreshQuietly();
            if (!catalog.current().byId().containsKey(id)) {
                throw new ValidationException(Problem.of("title", "library.meta.error.not-saved"));
            }
            audit.record("MATERIAL_UPDATE", "material", id, changes(m, clean));
            events.publishEvent(new MaterialsChanged(Set.of(id), Set.of()));
        } catch (RuntimeException e) {
            content.write(m.relPath(), new String(before, java.nio.charset.StandardCharsets.UTF_8));
            content.refreshQuietly();
            throw e;
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Material loaded(String id) {
        Material m = id == null ? null : catalog.current().byId().get(id);
        if (m == null) {
            throw new ValidationException(Problem.of("id", "library.error.missing", String.valueOf(id)));
        }
        return m;
    }

    private Material uploaded(String id) {
        Material m = loaded(id);
        if (!m.uploaded()) {
            throw new ValidationException(Problem.of("id", "library.meta.error.not-upload", m.file()));
        }
        return m;
    }

    private Set<String> archivedIds() {
        return new HashSet<>(states.archivedIds());
    }

    private Set<String> studiedIds() {
        Long member = CurrentUser.get().map(MingzeUser::memberId).orElse(null);
        if (member == null) {
            return Set.of();
        }
        return completions.findByMemberId(member).stream().map(StudyCompletion::getMaterialId)
                .collect(Collectors.toSet());
    }

    private static MaterialCard card(Material m, Set<String> archived, Set<String> studied) {
        return new MaterialCard(m.id(), m.title(), m.category(), m.tags(), m.date(), m.summary(), m.minutes(),
                archived.contains(m.id()), studied.contains(m.id()), m.uploaded());
    }

    private static MaterialPage.Neighbour neighbour(Material m) {
        return new MaterialPage.Neighbour(m.id(), m.title());
    }

    private RejectedFile rejected(LoadProblem p, Locale locale) {
        Object[] args = p.args().stream().map(a -> a instanceof Number n ? String.valueOf(n) : a).toArray();
        return new RejectedFile(p.file(), p.line(), messages.getMessage(p.key(), args, Languages.supported(locale)));
    }

    /** Trims the fields and checks them against content-format.md; throws with every problem found. */
    static MaterialMeta checked(MaterialMeta meta) {
        if (meta == null) {
            throw new ValidationException(Problem.of("title", "library.meta.error.title"));
        }
        List<Problem> problems = new ArrayList<>();
        String title = trim(meta.title());
        String category = trim(meta.category());
        String source = trim(meta.source());
        String summary = trim(meta.summary());
        if (title == null || title.length() > FrontMatter.MAX_TITLE) {
            problems.add(Problem.of("title", "library.meta.error.title", FrontMatter.MAX_TITLE));
        }
        if (category == null || category.length() > FrontMatter.MAX_CATEGORY) {
            problems.add(Problem.of("category", "library.meta.error.category", FrontMatter.MAX_CATEGORY));
        }
        if (source != null && source.length() > FrontMatter.MAX_SOURCE) {
            problems.add(Problem.of("source", "library.meta.error.too-long", FrontMatter.MAX_SOURCE));
        }
        if (summary != null && summary.length() > FrontMatter.MAX_SUMMARY) {
            problems.add(Problem.of("summary", "library.meta.error.too-long", FrontMatter.MAX_SUMMARY));
        }
        List<String> tags = new ArrayList<>();
        for (String t : meta.tags() == null ? List.<String>of() : meta.tags()) {
            String tag = trim(t);
            if (tag == null) {
                continue;
            }
            if (tag.length() > FrontMatter.MAX_TAG) {
                problems.add(Problem.of("tags", "library.meta.error.tag", tag, FrontMatter.MAX_TAG));
            } else if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new MaterialMeta(title, category, List.copyOf(tags), source, meta.date(), summary);
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return t.isEmpty() ? null : t;
    }

    /** A file name for an upload from its title: letters (CJK included) and digits, unique in uploads/. */
    private String uniqueSlug(String title) {
        String base = Anchors.slug(title);
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        if (base.equals("section")) {
            base = "material-" + LocalDate.now(clock);
        }
        String slug = base;
        for (int n = 2; content.exists(Material.UPLOADS + slug + ".md")
                || catalog.current().byId().containsKey(Material.UPLOADS + slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static String changes(Material m, MaterialMeta n) {
        List<String> parts = new ArrayList<>();
        diff(parts, "title", m.title(), n.title());
        diff(parts, "category", m.category(), n.category());
        diff(parts, "tags", m.tags(), n.tags());
        diff(parts, "source", m.source(), n.source());
        diff(parts, "date", m.date(), n.date());
        diff(parts, "summary", m.summary(), n.summary());
        return parts.isEmpty() ? "unchanged" : String.join("; ", parts);
    }

    private static void diff(List<String> parts, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            parts.add(field + ": " + before + " -> " + after);
        }
    }
}
