package org.mingze.ledger.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.mingze.base.i18n.Formats;
import org.mingze.base.ledger.LedgerEntry;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.time.BureauZone;
import org.mingze.ledger.Ledger;
import org.mingze.ledger.LedgerService;
import org.mingze.ledger.internal.EvidencePdf;
import org.mingze.org.MemberRow;
import org.springframework.security.access.AccessDeniedException;

/**
 * 考核台帐: {@code ledger} is one's own, {@code ledger/{memberId}} someone else's (organisers of their units,
 * auditors). A year selector ({@code ?year=2026}), the member's facts, the year's figures, study minutes by month
 * as a bar list, every section as a list of cards (no grid, so that it reads at 375 px), and the evidence pack
 * (述职纪实) as PDF. Organisers and auditors get a member picker.
 */
@Route("ledger")
@Menu(title = "menu.ledger", order = 29, icon = "vaadin:records")
@PermitAll
class LedgerView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final String ROUTE = "ledger";

    private final LedgerService ledgers;
    private final EvidencePdf pdf;
    private String title = "";

    LedgerView(LedgerService ledgers, EvidencePdf pdf) {
        this.ledgers = ledgers;
        this.pdf = pdf;
        addClassName("mingze-ledger");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long memberId) {
        removeAll();
        Locale locale = UI.getCurrent().getLocale();
        int year = year(event.getLocation().getQueryParameters());
        title = getTranslation("ledger.title");
        boolean staff = CurrentUser.has(Role.ORGANIZER) || CurrentUser.has(Role.AUDITOR);
        if (staff) {
            add(picker(year));
        }
        Long me = ledgers.myMemberId();
        Long who = memberId != null ? memberId : me;
        if (who == null) {
            add(new H2(title), new Paragraph(getTranslation("ledger.no-member")));
            return;
        }
        boolean own = who.equals(me);
        Ledger l;
        List<Integer> years;
        try {
            l = own ? ledgers.mine(year, locale) : ledgers.of(who, year, locale);
            years = ledgers.years(who);
        } catch (AccessDeniedException e) {
            add(new H2(title), new Paragraph(getTranslation("ledger.missing")));
            return;
        }
        if (!own) {
            title = getTranslation("ledger.title-of", l.name());
        }
        add(new H2(title));
        add(facts(l));
        add(toolbar(l, years, own, locale));
        add(new Paragraph(pdf.totals(l, locale)));
        add(studyByMonth(l));
        for (Ledger.Section s : l.sections()) {
            add(section(s, own, locale));
        }
    }

    private static int year(QueryParameters q) {
        int now = LocalDate.now(BureauZone.get()).getYear();
        try {
            int y = Integer.parseInt(q.getParameters().getOrDefault("year", List.of("")).get(0));
            return y >= 2000 && y <= now + 1 ? y : now;
        } catch (NumberFormatException e) {
            return now;
        }
    }

    private static String path(Long memberId) {
        return memberId == null ? ROUTE : ROUTE + "/" + memberId;
    }

    private Div picker(int year) {
        ComboBox<MemberRow> pick = new ComboBox<>(getTranslation("ledger.pick"));
        pick.setPlaceholder(getTranslation("ledger.pick.placeholder"));
        pick.setItemLabelGenerator(m -> m.name() + "（" + m.employeeNo() + "，" + m.unitName() + "）");
        pick.setItems(q -> ledgers.pickable(q.getFilter().orElse("")).stream().skip(q.getOffset())
                .limit(q.getLimit()));
        pick.setWidthFull();
        pick.setMaxWidth("32em");
        pick.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                UI.getCurrent().navigate(path(e.getValue().id()), QueryParameters.of("year", String.valueOf(year)));
            }
        });
        pick.addClassName("mingze-ledger-pick");
        Div box = new Div(pick);
        box.setWidthFull();
        return box;
    }

    private Div facts(Ledger l) {
        Div facts = new Div();
        facts.addClassName("mingze-ledger-facts");
        fact(facts, "ledger.field.name", l.name());
        fact(facts, "ledger.field.employee-no", l.employeeNo());
        fact(facts, "ledger.field.unit", l.unitName());
        fact(facts, "ledger.field.post", l.post() == null ? "-" : l.post());
        return facts;
    }

    private void fact(Div facts, String key, String value) {
        Div row = new Div(new Span(getTranslation(key) + "："), new Span(value));
        row.addClassName("mingze-ledger-fact");
        facts.add(row);
    }

    private FlexLayout toolbar(Ledger l, List<Integer> years, boolean own, Locale locale) {
        Select<Integer> select = new Select<>();
        select.setLabel(getTranslation("ledger.year-select"));
        select.setItems(years.contains(l.year()) ? years
                : java.util.stream.Stream.concat(years.stream(), java.util.stream.Stream.of(l.year())).toList());
        select.setItemLabelGenerator(y -> getTranslation("ledger.year", String.valueOf(y))); // not 2,026
        select.setValue(l.year());
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UI.getCurrent().navigate(path(own ? null : l.memberId()),
                        QueryParameters.of("year", String.valueOf(e.getValue())));
            }
        });
        select.addClassName("mingze-ledger-year");
        String file = getTranslation("ledger.pdf.file") + "-" + l.name() + "-" + l.year() + ".pdf";
        long member = l.memberId();
        int year = l.year();
        Anchor download = new Anchor(DownloadHandler.fromInputStream(e -> {
            try {
                byte[] bytes = ledgers.evidencePack(member, year, locale);
                return new DownloadResponse(new ByteArrayInputStream(bytes), file, "application/pdf", bytes.length);
            } catch (AccessDeniedException ex) {
                return DownloadResponse.error(403);
            }
        }), "");
        download.setTarget(AnchorTarget.BLANK);
        Button button = new Button(getTranslation("ledger.pdf"), VaadinIcon.DOWNLOAD.create());
        button.setTabIndex(-1);
        download.add(button);
        download.addClassName("mingze-ledger-pdf");
        FlexLayout bar = new FlexLayout(select, download);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.END);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        return bar;
    }

    /** Twelve rows: month, a bar as wide as its share of the busiest month, the minutes. */
    private Div studyByMonth(Ledger l) {
        Div box = new Div(new H3(getTranslation("ledger.study-by-month")));
        box.addClassName("mingze-ledger-study");
        box.setWidthFull();
        long max = l.studyByMonth().stream().mapToLong(Ledger.MonthStudy::minutes).max().orElse(0);
        if (max == 0) {
            box.add(new Paragraph(getTranslation("ledger.study-by-month.none")));
            return box;
        }
        for (Ledger.MonthStudy m : l.studyByMonth()) {
            Span label = new Span(getTranslation("ledger.month", m.month()));
            label.getStyle().set("flex", "0 0 3em");
            Div bar = new Div();
            bar.getStyle().set("height", "0.8em").set("background", "var(--lumo-primary-color-50pct)")
                    .set("border-radius", "2px").set("width", (m.minutes() * 100 / max) + "%");
            Div track = new Div(bar);
            track.getStyle().set("flex", "1 1 auto").set("min-width", "0");
            Span value = new Span(getTranslation("ledger.minutes", m.minutes()));
            value.getStyle().set("flex", "0 0 5.5em").set("text-align", "right");
            Div row = new Div(label, track, value);
            row.addClassName("mingze-ledger-month");
            row.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-s)");
            box.add(row);
        }
        return box;
    }

    private Div section(Ledger.Section s, boolean own, Locale locale) {
        Div box = new Div(new H3(getTranslation("ledger.section." + s.section()) + "（" + s.entries().size() + "）"));
        box.addClassName("mingze-ledger-section");
        box.getElement().setAttribute("data-section", s.section().name());
        box.setWidthFull();
        if (s.entries().isEmpty()) {
            box.add(new Paragraph(getTranslation("ledger.section.none")));
            return box;
        }
        for (LedgerEntry e : s.entries()) {
            Div card = new Div();
            card.addClassName("mingze-ledger-entry");
            card.getStyle().set("padding", "var(--lumo-space-s) 0")
                    .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("overflow-wrap", "anywhere");
            Span day = new Span(Formats.date(e.day(), locale) + "　");
            day.getStyle().set("color", "var(--lumo-secondary-text-color)");
            String link = linkFor(e.link(), own);
            Div head = new Div(day, link == null ? new Span(e.title()) : new Anchor(link, e.title()));
            card.add(head);
            if (e.detail() != null && !e.detail().isBlank()) {
                Div detail = new Div(new Span(e.detail()));
                detail.getStyle().set("font-size", "var(--lumo-font-size-s)");
                card.add(detail);
            }
            if (e.outcome() != null && !e.outcome().isBlank()) {
                Span outcome = new Span(e.outcome());
                outcome.getElement().getThemeList().add("badge small");
                outcome.addClassName("mingze-ledger-outcome");
                card.add(new Div(outcome));
            }
            box.add(card);
        }
        return box;
    }

    /**
     * Links of lines lead to the member's own pages; on someone else's ledger an attempt's result opens the
     * organisers' attempt page, and pages that only ever show the reader's own things (practice, starting a test, my
     * sessions, my reviews) get no link.
     */
    static String linkFor(String link, boolean own) {
        if (link == null || own) {
            return link;
        }
        if (link.startsWith("exams/result/")) {
            return "exams/attempt/" + link.substring("exams/result/".length());
        }
        if (link.startsWith("practice") || link.startsWith("exams/start/") || link.equals("schedule/mine")
                || link.equals("review/mine") || link.equals("exams")) {
            return null;
        }
        return link;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
