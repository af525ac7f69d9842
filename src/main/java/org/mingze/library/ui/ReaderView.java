package org.mingze.library.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.WildcardParameter;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.library.LibraryService;
import org.mingze.library.MaterialPage;
import org.mingze.library.StudyCheckProvider;
import org.mingze.library.StudyService;
import org.mingze.library.TocEntry;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The reader: {@code library/read/<id>} (the id may contain "/"), with a table of contents, section anchors (a URL
 * ending in {@code #anchor} scrolls there), a font-size switch and the previous/next material of the category. The
 * body is HTML that the library has sanitised when it loaded the file.
 *
 * <p>While the page is visible and in use, a small script reports a heartbeat every 30 seconds; the server measures
 * the time between heartbeats itself (see {@link StudyService}).
 */
@Route("library/read")
@PermitAll
class ReaderView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    static final String ROUTE = "library/read/";
    static final List<String> FONT_SIZES = List.of("s", "m", "l", "xl");
    private static final String FONT_ATTRIBUTE = ReaderView.class.getName() + ".font";

    private final LibraryService library;
    private final StudyService study;
    private final ObjectProvider<StudyCheckProvider> checks;
    private List<String> highlights = List.of();
    private MaterialPage page;
    private String title = "";
    private Div prose;

    ReaderView(LibraryService library, StudyService study, ObjectProvider<StudyCheckProvider> checks) {
        this.library = library;
        this.study = study;
        this.checks = checks;
        addClassName("mingze-reader");
    }

    /**
     * The id comes from the location's path, decoded here, not from the wildcard parameter: Flow 24.9 corrupts
     * non-ASCII characters in wildcard parameter values (vaadin/flow#25671), and ids may be Chinese.
     */
    @Override
    public void setParameter(BeforeEvent event, @WildcardParameter String parameter) {
        String path = event.getLocation().getPath();
        String id = path.startsWith(ROUTE) ? percentDecode(path.substring(ROUTE.length())) : parameter;
        removeAll();
        page = library.read(id).orElse(null);
        if (page == null) {
            title = getTranslation("library.read.not-found");
            Paragraph missing = new Paragraph(getTranslation("library.read.not-found"));
            missing.addClassName("mingze-reader-missing");
            add(back(), missing);
            return;
        }
        title = page.card().title();
        render();
        highlights = MaterialPage.highlights(event.getLocation().getQueryParameters().getParameters()
                .get(MaterialPage.HIGHLIGHT_PARAMETER));
        if (!highlights.isEmpty()) {
            // words go in as data (text nodes are split and wrapped in <mark>), never as markup
            getElement().executeJs(HIGHLIGHT, String.join("\n", highlights));
        }
        getElement().executeJs(SCROLL);
        study.startReading(page.card().id());
    }

    private RouterLink back() {
        RouterLink back = new RouterLink(getTranslation("library.back"), LibraryView.class);
        back.addClassName("mingze-reader-back");
        return back;
    }

    private void render() {
        var card = page.card();
        H2 heading = new H2(card.title());
        heading.addClassName("mingze-reader-title");

        Div meta = new Div();
        meta.addClassName("mingze-material-meta");
        meta.add(new Span(card.category()));
        if (page.source() != null) {
            meta.add(new Span(getTranslation("library.read.source", page.source())));
        }
        if (card.date() != null) {
            meta.add(new Span(Formats.date(card.date(), getLocale())));
        }
        meta.add(new Span(getTranslation("library.minutes", String.valueOf(card.minutes()))));
        if (card.studied()) {
            Span studied = new Span(getTranslation("library.studied"));
            studied.getElement().getThemeList().add("badge success small");
            studied.addClassName("mingze-studied");
            meta.add(studied);
        }

        add(back(), heading, meta);
        if (card.archived()) {
            Paragraph note = new Paragraph(getTranslation("library.read.archived-note"));
            note.addClassName("mingze-reader-archived");
            add(note);
        }
        add(tools());
        if (!page.toc().isEmpty()) {
            add(toc());
        }
        prose = new Div(new Html("<div>" + page.html() + "</div>"));
        prose.addClassName("mingze-prose");
        applyFont(font());
        add(prose);
        Component check = check();
        if (check != null) {
            add(check);
        }
        add(neighbours());
        Paragraph note = new Paragraph(getTranslation("library.read.study-note",
                String.valueOf(StudyService.dailyCapSeconds(card.minutes()) / 60)));
        note.addClassName("mingze-reader-note");
        add(note);
    }

    private Component tools() {
        Div tools = new Div();
        tools.addClassName("mingze-reader-tools");
        Span label = new Span(getTranslation("library.read.font"));
        Div sizes = new Div();
        sizes.addClassName("mingze-font-switch");
        sizes.getElement().setAttribute("role", "group");
        sizes.getElement().setAttribute("aria-label", getTranslation("library.read.font"));
        for (String size : FONT_SIZES) {
            Button b = new Button(getTranslation("library.read.font." + size), e -> {
                VaadinSession.getCurrent().setAttribute(FONT_ATTRIBUTE, size);
                applyFont(size);
                sizes.getChildren().forEach(c -> c.getElement().setAttribute("aria-pressed",
                        String.valueOf(c == e.getSource())));
            });
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.addClassName("mingze-font-" + size);
            b.getElement().setAttribute("aria-pressed", String.valueOf(size.equals(font())));
            sizes.add(b);
        }
        tools.add(label, sizes);
        var card = page.card();
        boolean admin = CurrentUser.has(Role.ADMIN);
        if (card.uploaded() && (admin || CurrentUser.has(Role.ORGANIZER))) {
            Button edit = new Button(getTranslation("library.read.edit"), VaadinIcon.EDIT.create(),
                    e -> new MaterialMetaDialog(library, card.id(), this::reload).open());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.addClassName("mingze-reader-edit");
            tools.add(edit);
        }
        if (admin) {
            Button archive = new Button(getTranslation(card.archived() ? "library.read.restore"
                    : "library.read.archive"), e -> toggleArchived());
            archive.addThemeVariants(ButtonVariant.LUMO_SMALL);
            archive.addClassName("mingze-reader-archive");
            tools.add(archive);
        }
        return tools;
    }

    /**
     * A link to the material's study check ({@value StudyCheckProvider#ROUTE}/id), when a module offers one for it;
     * passing the check is what marks a material studied.
     */
    private Component check() {
        StudyCheckProvider provider = checks.getIfAvailable();
        var card = page.card();
        if (provider == null || !provider.hasCheck(card.id())) {
            return null;
        }
        Anchor link = new Anchor(StudyCheckProvider.ROUTE + "/" + card.id().replace(" ", "%20"),
                getTranslation(card.studied() ? "library.read.check.again" : "library.read.check"));
        link.getElement().setAttribute("router-link", true);
        link.addClassName("mingze-reader-check-link");
        Div box = new Div(new Span(getTranslation("library.read.check.why")), link);
        box.addClassName("mingze-reader-check");
        return box;
    }

    private Component toc() {
        Div links = new Div();
        links.addClassName("mingze-toc");
        for (TocEntry e : page.toc()) {
            Anchor a = new Anchor(href(e.anchor()), e.heading());
            a.addClassName("mingze-toc-" + e.level());
            links.add(a);
        }
        Details details = new Details(getTranslation("library.read.toc"), links);
        details.setOpened(true);
        details.addClassName("mingze-reader-toc");
        return details;
    }

    private Component neighbours() {
        Div nav = new Div();
        nav.addClassName("mingze-reader-neighbours");
        if (page.previous() != null) {
            RouterLink prev = new RouterLink(getTranslation("library.read.previous", page.previous().title()),
                    ReaderView.class, page.previous().id());
            prev.addClassName("mingze-reader-previous");
            nav.add(prev);
        }
        if (page.next() != null) {
            RouterLink next = new RouterLink(getTranslation("library.read.next", page.next().title()),
                    ReaderView.class, page.next().id());
            next.addClassName("mingze-reader-next");
            nav.add(next);
        }
        return nav;
    }

    /**
     * Decodes %XX escapes as UTF-8 and leaves every other character as it is (literal Chinese included; "+" stays
     * "+"). Material ids never contain "%" (FrontMatter.validId), so decoding cannot change a literal id.
     */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] in = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && Character.digit(in[i + 1], 16) >= 0
                    && Character.digit(in[i + 2], 16) >= 0) {
                out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String href(String anchor) {
        return "library/read/" + page.card().id().replace(" ", "%20") + "#" + anchor;
    }

    private String font() {
        Object f = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getAttribute(FONT_ATTRIBUTE);
        return f instanceof String s && FONT_SIZES.contains(s) ? s : "m";
    }

    private void applyFont(String size) {
        FONT_SIZES.forEach(s -> prose.removeClassName("size-" + s));
        prose.addClassName("size-" + size);
    }

    private void toggleArchived() {
        boolean archive = !page.card().archived();
        if (archive) {
            library.archive(page.card().id());
        } else {
            library.restore(page.card().id());
        }
        Notification.show(getTranslation(archive ? "library.read.archive.done" : "library.read.restore.done"), 3000,
                Notification.Position.BOTTOM_START);
        reload();
    }

    private void reload() {
        String id = page.card().id();
        removeAll();
        page = library.read(id).orElse(null);
        if (page == null) {
            add(back(), new Paragraph(getTranslation("library.read.not-found")));
            return;
        }
        title = page.card().title();
        render();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // heartbeat while visible and in use; in-page anchors scroll instead of navigating; #anchor on arrival
        getElement().executeJs(SCRIPT, (int) study.heartbeatInterval().toMillis());
    }

    /** Called by the page script while it is visible and the person has used it in the last two minutes. */
    @ClientCallable
    void heartbeat() {
        if (page != null) {
            study.heartbeat(page.card().id());
        }
    }

    /** Called by the page script when the page becomes visible again: time starts counting from now. */
    @ClientCallable
    void resume() {
        if (page != null) {
            study.startReading(page.card().id());
        }
    }

    /** The words this visit highlights (from the address). */
    List<String> highlights() {
        return highlights;
    }

    String materialId() {
        return page == null ? null : page.card().id();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private static final String SCRIPT = """
            const el = this;
            if (el.__mingzeStudy) { el.__mingzeStudy(); }
            const interval = $0, idleLimit = 120000;
            let lastInput = Date.now();
            const mark = () => { lastInput = Date.now(); };
            const inputs = ['scroll', 'wheel', 'keydown', 'pointerdown', 'pointermove', 'touchstart'];
            inputs.forEach(t => document.addEventListener(t, mark, {passive: true, capture: true}));
            const recent = () => Date.now() - lastInput < idleLimit;
            const onVisibility = () => {
              if (document.visibilityState === 'visible') { mark(); el.$server.resume(); }
              else if (recent()) { el.$server.heartbeat(); }
            };
            document.addEventListener('visibilitychange', onVisibility);
            const timer = setInterval(() => {
              if (!el.isConnected) { stop(); return; }
              if (document.visibilityState === 'visible' && recent()) { el.$server.heartbeat(); }
            }, interval);
            const target = hash => hash && document.getElementById(decodeURIComponent(hash.slice(1)));
            const onClick = e => {
              const a = e.target.closest && e.target.closest('a[href]');
              if (!a) { return; }
              const url = new URL(a.getAttribute('href'), document.baseURI);
              if (url.pathname === location.pathname && url.hash) {
                const t = target(url.hash);
                if (t) {
                  e.preventDefault(); e.stopPropagation();
                  t.scrollIntoView({behavior: 'smooth', block: 'start'});
                  history.replaceState(history.state, '', location.pathname + location.search + url.hash);
                }
              }
            };
            el.addEventListener('click', onClick, true);
            const stop = () => {
              clearInterval(timer);
              inputs.forEach(t => document.removeEventListener(t, mark, {capture: true}));
              document.removeEventListener('visibilitychange', onVisibility);
              el.removeEventListener('click', onClick, true);
              delete el.__mingzeStudy;
            };
            el.__mingzeStudy = stop;
            """;

    /** On arrival: to the section named in the URL's #anchor, else to the top (the view is reused between materials). */
    /** Marks every occurrence of the words ($0, one per line) in the text of the material, case-insensitively. */
    private static final String HIGHLIGHT = """
            const root = this.querySelector('.mingze-prose');
            const words = $0.split('\\n').filter(w => w.length > 0).sort((a, b) => b.length - a.length);
            if (root && words.length) {
              const escape = w => w.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');
              const re = new RegExp(words.map(escape).join('|'), 'gi');
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              const nodes = [];
              while (walker.nextNode()) { nodes.push(walker.currentNode); }
              for (const node of nodes) {
                const text = node.nodeValue;
                re.lastIndex = 0;
                if (!re.test(text)) { continue; }
                re.lastIndex = 0;
                const parts = document.createDocumentFragment();
                let last = 0, m;
                while ((m = re.exec(text)) !== null) {
                  parts.append(text.slice(last, m.index));
                  const mark = document.createElement('mark');
                  mark.className = 'mingze-highlight';
                  mark.textContent = m[0];
                  parts.append(mark);
                  last = m.index + m[0].length;
                }
                parts.append(text.slice(last));
                node.replaceWith(parts);
              }
            }
            """;

    private static final String SCROLL = """
            requestAnimationFrame(() => {
              const h = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
              if (h) { h.scrollIntoView({block: 'start'}); } else { this.scrollIntoView({block: 'start'}); }
            });
            """;
}
