package org.mingze.org.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;
import org.mingze.base.ui.UploadTexts;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.MemberImportResult;
import org.mingze.org.MemberImportService;

/**
 * 批量导入人员: download a template, upload the filled-in file; either every row is stored and the counts are shown,
 * or nothing is stored and a grid lists every problem by row and column. Reached from the member list.
 */
@Route("admin/members/import")
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
class MemberImportView extends VerticalLayout implements HasDynamicTitle {

    private static final int MB = 1024 * 1024;

    private final MemberImportService imports;
    private final Upload upload = new Upload();
    private final Div result = new Div();

    MemberImportView(MemberImportService imports) {
        this.imports = imports;
        addClassName("mingze-member-import");
        setMaxWidth("60rem");

        RouterLink back = new RouterLink(getTranslation("import.back"), MemberListView.class);
        H2 title = new H2(getTranslation("import.title"));
        Paragraph intro = new Paragraph(getTranslation("import.intro"));
        Paragraph update = new Paragraph(getTranslation("import.intro.update"));
        Paragraph limits = new Paragraph(getTranslation("import.limits",
                String.valueOf(MemberImportService.MAX_ROWS), String.valueOf(MemberImportService.MAX_BYTES / MB)));

        String base = getTranslation("import.template.file");
        Anchor xlsx = download(base + ".xlsx", MemberImportService.XLSX_TYPE, imports::templateXlsx,
                getTranslation("import.template.xlsx"));
        Anchor csv = download(base + ".csv", MemberImportService.CSV_TYPE + ";charset=UTF-8", imports::templateCsv,
                getTranslation("import.template.csv"));
        FlexLayout templates = new FlexLayout(new Span(getTranslation("import.template.download")), xlsx, csv);
        templates.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        templates.setAlignItems(Alignment.BASELINE);
        templates.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");

        upload.setUploadHandler(handler());
        upload.setAcceptedFileTypes(".xlsx", ".csv", MemberImportService.XLSX_TYPE, MemberImportService.CSV_TYPE);
        upload.setMaxFileSize(MemberImportService.MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setI18n(i18n());
        upload.setWidthFull();
        upload.addFileRejectedListener(e -> {
            Notification n = Notification.show(getTranslation("import.upload.rejected", e.getFileName(),
                    e.getErrorMessage()), 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        });
        H3 uploadTitle = new H3(getTranslation("import.upload.label"));

        result.setWidthFull();
        for (Paragraph p : List.of(intro, update, limits)) {
            p.getStyle().set("margin", "0");
        }
        add(back, title, intro, update, limits, templates, uploadTitle, upload, result);
    }

    /** Reads at most one byte more than allowed (so that the service can say "too large"), then imports. */
    private UploadHandler handler() {
        return event -> {
            byte[] data;
            try (InputStream in = event.getInputStream()) {
                data = in.readNBytes(MemberImportService.MAX_BYTES + 1);
            }
            String fileName = event.getFileName();
            event.getUI().access(() -> process(fileName, data));
        };
    }

    private void process(String fileName, byte[] data) {
        result.removeAll();
        try {
            showSuccess(imports.importFile(fileName, data));
        } catch (ValidationException ex) {
            showProblems(fileName, ex.problems());
        } finally {
            upload.clearFileList();
        }
        result.scrollIntoView();
    }

    private void showSuccess(MemberImportResult r) {
        Div banner = banner("success", VaadinIcon.CHECK_CIRCLE,
                getTranslation("import.success", r.created(), r.updated(), r.unchanged()));
        banner.addClassName("mingze-import-success");
        Paragraph file = new Paragraph(getTranslation("import.success.file", r.fileName()));
        RouterLink list = new RouterLink(getTranslation("import.back"), MemberListView.class);
        result.add(banner, file, list);
    }

    private void showProblems(String fileName, List<Problem> problems) {
        Div banner = banner("error", VaadinIcon.CLOSE_CIRCLE, getTranslation("import.failed"));
        banner.addClassName("mingze-import-failed");
        Paragraph detail = new Paragraph(getTranslation("import.failed.detail", fileName, problems.size()));
        Grid<Problem> grid = new Grid<>();
        grid.addClassName("mingze-import-problems");
        grid.addColumn(p -> p.row() == 0 ? "—" : String.valueOf(p.row())).setHeader(getTranslation("import.column.row"))
                .setWidth("3.75rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(p -> getTranslation("import.field." + p.field())).setHeader(getTranslation(
                "import.column.column")).setWidth("6rem").setFlexGrow(0);
        grid.addColumn(p -> getTranslation(p.key(), p.args().toArray())).setHeader(getTranslation(
                "import.column.problem")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_COMPACT);
        grid.setItems(problems);
        grid.setWidthFull();
        if (problems.size() <= 50) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("60vh");
        }
        result.add(banner, detail, grid);
    }

    private static Div banner(String theme, VaadinIcon icon, String text) {
        Div banner = new Div(icon.create(), new Span(text));
        banner.getElement().setAttribute("role", theme.equals("error") ? "alert" : "status");
        banner.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-s)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("font-weight", "600")
                .set("background", "var(--lumo-" + theme + "-color-10pct)")
                .set("color", "var(--lumo-" + theme + "-text-color)");
        return banner;
    }

    private Anchor download(String fileName, String type, Supplier<byte[]> content, String text) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, type, bytes.length);
        }), text);
        a.getElement().insertChild(0, VaadinIcon.DOWNLOAD_ALT.create().getElement());
        return a;
    }

    private UploadI18N i18n() {
        return UploadTexts.of(this, getTranslation("import.upload.drop"), getTranslation("import.upload.button"),
                getTranslation("import.upload.too-many"),
                getTranslation("import.upload.too-big", String.valueOf(MemberImportService.MAX_BYTES / MB)),
                getTranslation("import.upload.wrong-type"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title");
    }
}
