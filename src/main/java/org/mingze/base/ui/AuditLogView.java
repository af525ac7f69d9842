package org.mingze.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.audit.AuditRecord;
import org.mingze.base.audit.ChainReport;
import org.mingze.base.i18n.Formats;
import org.mingze.base.i18n.Languages;
import org.mingze.base.security.Roles;
import org.mingze.base.time.BureauZone;

/**
 * 审计日志: the append-only audit log for auditors and administrators. Filter by person, action, object and date,
 * export what is shown to Excel, and verify the hash chain. Reads through {@link AuditLog} only; both the export and
 * the verification are themselves recorded there.
 */
@Route("audit")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
@Menu(title = "menu.audit", order = 95, icon = "vaadin:clipboard-check")
class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    static final String ACTION_PREFIX = "audit.action.";
    static final String OBJECT_PREFIX = "audit.object.";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone = BureauZone.get();

    private final TextField actor = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final ComboBox<String> objectType = new ComboBox<>();
    private final TextField objectId = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Details filterBox = new Details();
    private final Span total = new Span();
    private final Div chainResult = new Div();
    private final Button verify;
    private final Grid<AuditRecord> grid = new Grid<>();
    private final List<Grid.Column<AuditRecord>> wideOnly = new ArrayList<>();
    private final List<String> exportHeaders;
    /** Action labels for the export, translated here: the download request has no UI to translate with. */
    private final Map<String, String> exportLabels = new HashMap<>();
    private final String exportName;
    /** The filter of the rows on screen; the download runs outside the UI lock and reads only this. */
    private volatile AuditQuery query = AuditQuery.all();

    AuditLogView(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
        setSizeFull();
        addClassName("mingze-audit");
        // on a phone (NarrowScreen) the grid drops the id, object and address columns (a tap on a row shows them)
        // and the filters fold away behind their heading
        NarrowScreen.follow(this, this::adaptTo);

        actor.setLabel(getTranslation("audit.filter.actor"));
        actor.setPlaceholder(getTranslation("audit.filter.actor.placeholder"));
        actor.setPrefixComponent(VaadinIcon.USER.create());
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setClearButtonVisible(true);
        actor.setId("audit-actor");

        codeChooser(action, "audit.filter.action", ACTION_PREFIX);
        action.setId("audit-action");
        codeChooser(objectType, "audit.filter.object-type", OBJECT_PREFIX);
        objectType.setId("audit-object-type");

        objectId.setLabel(getTranslation("audit.filter.object-id"));
        objectId.setValueChangeMode(ValueChangeMode.LAZY);
        objectId.setClearButtonVisible(true);
        objectId.setId("audit-object-id");

        DatePicker.DatePickerI18n i18n = dateI18n();
        for (DatePicker picker : List.of(from, to)) {
            picker.setI18n(i18n);
            picker.setLocale(Languages.supported(getLocale()));
            picker.setClearButtonVisible(true);
            picker.setMax(LocalDate.now(clock));
        }
        from.setLabel(getTranslation("common.from"));
        from.setId("audit-from");
        to.setLabel(getTranslation("common.to"));
        to.setId("audit-to");
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue() == null ? LocalDate.now(clock) : e.getValue()));

        actor.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        objectType.addValueChangeListener(e -> refresh());
        objectId.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(actor, action, objectType, objectId, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("mingze-filters");
        filterBox.setSummaryText(getTranslation("audit.filter"));
        filterBox.add(filters);
        filterBox.setOpened(true);
        filterBox.setWidthFull();

        exportHeaders = Stream.of("id", "time", "actor", "action", "action-code", "object-type", "object-id",
                "source", "detail", "hash").map(k -> getTranslation("audit.col." + k)).toList();
        exportName = getTranslation("audit.export.file");
        codesIn(ACTION_PREFIX).forEach(code -> exportLabels.put(code, actionLabel(code)));
        Button exportButton = new Button(getTranslation("common.export"), VaadinIcon.DOWNLOAD.create());
        exportButton.setTooltipText(getTranslation("audit.export.hint"));
        Anchor export = new Anchor(this::download, "");
        export.add(exportButton);
        export.setId("audit-export");

        verify = new Button(getTranslation("audit.verify"), VaadinIcon.CLIPBOARD_CHECK.create(),
                e -> verifyChain());
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.setDisableOnClick(true);
        verify.setTooltipText(getTranslation("audit.verify.hint"));
        verify.setId("audit-verify");

        total.addClassName("mingze-audit-total");
        total.setId("audit-total");
        HorizontalLayout toolbar = new HorizontalLayout(total, export, verify);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.expand(total);
        toolbar.getStyle().set("flex-wrap", "wrap");

        chainResult.setId("audit-chain");
        chainResult.addClassName("mingze-audit-chain");
        chainResult.setVisible(false);
        chainResult.setWidthFull();

        buildGrid();
        add(new H2(getTranslation("menu.audit")), filterBox, toolbar, chainResult, grid);
        refresh();
    }

    private void buildGrid() {
        wideOnly.add(grid.addColumn(AuditRecord::id).setKey("id").setHeader(getTranslation("audit.col.id"))
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END));
        grid.addColumn(r -> Formats.dateTime(r.occurredAt(), getLocale())).setKey("time")
                .setHeader(getTranslation("audit.col.time")).setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(r -> SECONDS.format(r.occurredAt().atZone(zone)));
        grid.addColumn(AuditRecord::actor).setKey("actor").setHeader(getTranslation("audit.col.actor"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> actionLabel(r.action())).setKey("action").setHeader(getTranslation("audit.col.action"))
                .setAutoWidth(true).setFlexGrow(0).setTooltipGenerator(AuditRecord::action);
        wideOnly.add(grid.addColumn(this::object).setKey("object").setHeader(getTranslation("audit.col.object"))
                .setAutoWidth(true).setFlexGrow(0));
        wideOnly.add(grid.addColumn(AuditRecord::sourceAddr).setKey("source")
                .setHeader(getTranslation("audit.col.source")).setAutoWidth(true).setFlexGrow(0));
        grid.addColumn(AuditRecord::detail).setKey("detail").setHeader(getTranslation("audit.col.detail"))
                .setFlexGrow(1).setWidth("12rem").setTooltipGenerator(AuditRecord::detail);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.setMinHeight("16rem");
        grid.setId("audit-grid");
    }

    /** Every field of one entry, shown when a row is tapped: on a phone the only way to see them all. */
    private Div details(AuditRecord r) {
        Div box = new Div();
        box.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.FontSize.SMALL);
        box.add(line("audit.col.id", String.valueOf(r.id())));
        box.add(line("audit.col.time", SECONDS.format(r.occurredAt().atZone(zone))));
        box.add(line("audit.col.action", actionLabel(r.action()) + " (" + r.action() + ")"));
        box.add(line("audit.col.object", object(r)));
        box.add(line("audit.col.source", r.sourceAddr()));
        box.add(line("audit.col.detail", r.detail()));
        return box;
    }

    private Div line(String key, String value) {
        Span label = new Span(getTranslation(key) + "：");
        label.addClassName(LumoUtility.TextColor.SECONDARY);
        return new Div(label, new Span(value == null ? "" : value));
    }

    private String object(AuditRecord r) {
        if (r.objectType() == null) {
            return r.objectId() == null ? "" : r.objectId();
        }
        String type = label(OBJECT_PREFIX, r.objectType());
        return r.objectId() == null ? type : type + " " + r.objectId();
    }

    String actionLabel(String code) {
        return label(ACTION_PREFIX, code);
    }

    /** The translation of prefix + code, or the code itself when the bundle has none (an action added later). */
    private String label(String prefix, String code) {
        if (code == null) {
            return "";
        }
        String text = getTranslation(prefix + code);
        return text.startsWith("!") && text.endsWith("!") ? code : text;
    }

    private void codeChooser(ComboBox<String> box, String labelKey, String prefix) {
        List<String> codes = new ArrayList<>(codesIn(prefix));
        box.setLabel(getTranslation(labelKey));
        box.setPlaceholder(getTranslation("audit.filter.all"));
        box.setItems(codes);
        box.setItemLabelGenerator(code -> label(prefix, code));
        box.setClearButtonVisible(true);
        box.setAllowCustomValue(true); // an action the bundle does not name yet can still be typed as its code
        box.addCustomValueSetListener(e -> {
            String code = e.getDetail().strip().toUpperCase(Locale.ROOT);
            String value = prefix.equals(OBJECT_PREFIX) ? code.toLowerCase(Locale.ROOT) : code;
            if (!codes.contains(value)) {
                codes.add(value);
                box.setItems(codes);
            }
            box.setValue(value);
        });
    }

    /**
     * The codes the bundle has labels for, in the bundle's order: adding {@code audit.action.X} is all a module does
     * to have its action named here and offered in the filter.
     */
    static List<String> codesIn(String prefix) {
        try (InputStream in = AuditLogView.class.getResourceAsStream("/i18n/messages_zh.properties")) {
            if (in == null) {
                return List.of();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> line.startsWith(prefix) && line.indexOf('=') > prefix.length())
                    .map(line -> line.substring(prefix.length(), line.indexOf('=')).strip()).distinct().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Chinese (or English) month and day names from the JDK's locale data; weeks start on Monday. */
    private DatePicker.DatePickerI18n dateI18n() {
        boolean english = Languages.ENGLISH.equals(Languages.supported(getLocale()));
        Locale l = english ? Languages.ENGLISH : Languages.CHINESE;
        List<DayOfWeek> week = Stream.concat(Stream.of(DayOfWeek.SUNDAY),
                Arrays.stream(DayOfWeek.values()).filter(d -> d != DayOfWeek.SUNDAY)).toList();
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL, l)).toList());
        i18n.setWeekdays(week.stream().map(d -> d.getDisplayName(TextStyle.FULL, l)).toList());
        i18n.setWeekdaysShort(week.stream().map(d -> d.getDisplayName(english ? TextStyle.SHORT : TextStyle.NARROW, l))
                .toList());
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(getTranslation("audit.date.today"));
        i18n.setCancel(getTranslation("common.cancel"));
        if (english) {
            i18n.setDateFormats("yyyy-MM-dd", "yyyy/M/d", "d/M/yyyy");
        } else {
            i18n.setDateFormats("yyyy年M月d日", "yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd");
        }
        i18n.setBadInputErrorMessage(getTranslation("audit.date.bad-input"));
        i18n.setMinErrorMessage(getTranslation("audit.date.range"));
        i18n.setMaxErrorMessage(getTranslation("audit.date.range"));
        return i18n;
    }

    void refresh() {
        AuditQuery q = new AuditQuery(actor.getValue(), action.getValue(), objectType.getValue(), objectId.getValue(),
                from.getValue(), to.getValue());
        query = q;
        long count = audit.count(q);
        total.setText(getTranslation("audit.total", count));
        int size = (int) Math.min(count, Integer.MAX_VALUE);
        grid.setItems(r -> audit.search(q, r.getPage(), r.getPageSize()).stream(), r -> size);
    }

    private void verifyChain() {
        try {
            ChainReport report = audit.verifyChain();
            showChain(report);
            refresh(); // the verification is now the newest entry
        } finally {
            verify.setEnabled(true);
        }
    }

    private void showChain(ChainReport report) {
        chainResult.removeAll();
        chainResult.removeClassNames("intact", "broken", LumoUtility.Background.SUCCESS_10,
                LumoUtility.TextColor.SUCCESS, LumoUtility.Background.ERROR, LumoUtility.TextColor.ERROR_CONTRAST);
        chainResult.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Display.FLEX, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.CENTER);
        Icon icon;
        String text;
        if (report.intact()) {
            chainResult.addClassNames("intact", LumoUtility.Background.SUCCESS_10, LumoUtility.TextColor.SUCCESS);
            icon = VaadinIcon.CHECK_CIRCLE.create();
            text = getTranslation("audit.chain.intact", report.checked());
            chainResult.getElement().setAttribute("role", "status");
        } else {
            chainResult.addClassNames("broken", LumoUtility.Background.ERROR, LumoUtility.TextColor.ERROR_CONTRAST);
            icon = VaadinIcon.WARNING.create();
            text = getTranslation("audit.chain.broken", String.valueOf(report.firstBrokenId()),
                    getTranslation(report.problem()));
            chainResult.getElement().setAttribute("role", "alert");
        }
        icon.getStyle().set("flex", "none");
        chainResult.add(icon, new Span(text));
        chainResult.setVisible(true);
    }

    /** Runs in the download request, outside the UI lock: touches no component, only the captured filter. */
    private void download(DownloadEvent event) throws IOException {
        AuditQuery q = query;
        Path file = Files.createTempFile("mingze-audit-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                // written and recorded first, then sent: the export is in the log before a byte leaves the server
                audit.exportXlsx(q, exportHeaders, zone, this::exportActionLabel, out);
            }
            event.setFileName(exportName + "-" + LocalDate.now(clock) + ".xlsx");
            event.setContentType(XLSX);
            event.setContentLength(Files.size(file));
            try (OutputStream out = event.getOutputStream()) {
                Files.copy(file, out);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String exportActionLabel(String code) {
        return exportLabels.getOrDefault(code, code);
    }

    void adaptTo(int width) {
        boolean narrow = NarrowScreen.narrow(width);
        wideOnly.forEach(c -> c.setVisible(!narrow));
        filterBox.setOpened(!narrow);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.audit") + " · " + getTranslation("app.name");
    }
}
