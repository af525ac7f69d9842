package org.mingze.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.mingze.base.security.Roles;
import org.mingze.base.ui.UploadTexts;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.quiz.BankSummary;
import org.mingze.quiz.QuestionExport;
import org.mingze.quiz.QuestionFilter;
import org.mingze.quiz.QuestionFormat;
import org.mingze.quiz.QuestionImportResult;
import org.mingze.quiz.QuestionImportService;
import org.mingze.quiz.QuestionSelection;
import org.mingze.quiz.QuestionService;

/**
 * 题目导入导出: download the Excel template, upload a filled-in file (.xlsx, YAML, Aiken or GIFT) — either every
 * question is stored and the counts are shown, or nothing is and every problem is listed by row and column, as cards
 * that fit a phone; and export chosen banks or a tag to any of the formats.
 */
@Route("quiz/import")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
@Menu(title = "menu.question-import", order = 35, icon = "vaadin:exchange")
class QuestionImportView extends VerticalLayout implements HasDynamicTitle {

    private static final int MB = 1024 * 1024;
    /** Problems shown at most; the rest are counted. */
    static final int MAX_SHOWN = 200;

    private final QuestionImportService imports;
    private final Upload upload = new Upload();
    private final ComboBox<String> defaultBank = new ComboBox<>();
    private final Div result = new Div();
    private final MultiSelectComboBox<String> banks = new MultiSelectComboBox<>();
    private final ComboBox<String> tag = new ComboBox<>();
    private final TextField text = new TextField();
    private final Checkbox retired = new Checkbox();
    private final RadioButtonGroup<QuestionFormat> format = new RadioButtonGroup<>();
    private final Div exported = new Div();

    QuestionImportView(QuestionImportService imports, QuestionService questions) {
        this.imports = imports;
        addClassName("mingze-question-import");
        setMaxWidth("60rem");

        H2 title = new H2(getTranslation("quiz.io.title"));
        Paragraph intro = new Paragraph(getTranslation("quiz.io.intro"));

        // --- import
        H3 importTitle = new H3(getTranslation("quiz.io.import.title"));
        Paragraph rules = new Paragraph(getTranslation("quiz.io.import.rules"));
        Paragraph limits = new Paragraph(getTranslation("quiz.io.import.limits",
                String.valueOf(QuestionImportService.MAX_BYTES / MB),
                String.valueOf(QuestionImportService.MAX_QUESTIONS)));
        Anchor template = download(getTranslation("quiz.io.template.file") + ".xlsx",
                QuestionFormat.XLSX.contentType(), imports::templateXlsx, getTranslation("quiz.io.template.download"));
        template.addClassName("mingze-question-template");
        Div help = new Div(new Paragraph(getTranslation("quiz.io.help.yaml")),
                new Paragraph(getTranslation("quiz.io.help.aiken")), new Paragraph(getTranslation("quiz.io.help.gift")));
        Details formats = new Details(getTranslation("quiz.io.help.title"), help);
        formats.setWidthFull();

        List<String> bankNames = new ArrayList<>(questions.banks().stream().map(BankSummary::name).toList());
        defaultBank.setLabel(getTranslation("quiz.io.import.default-bank"));
        defaultBank.setHelperText(getTranslation("quiz.io.import.default-bank.help"));
        defaultBank.setItems(bankNames);
        defaultBank.setAllowCustomValue(true);
        defaultBank.setClearButtonVisible(true);
        defaultBank.addCustomValueSetListener(e -> {
            String name = e.getDetail() == null ? "" : e.getDetail().strip();
            if (!name.isEmpty()) {
                if (!bankNames.contains(name)) {
                    bankNames.add(name);
                    defaultBank.setItems(bankNames);
                }
                defaultBank.setValue(name);
            }
        });
        defaultBank.setWidthFull();

        upload.setUploadHandler(handler());
        upload.setAcceptedFileTypes(".xlsx", ".yaml", ".yml", ".txt", ".gift");
        upload.setMaxFileSize(QuestionImportService.MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setWidthFull();
        upload.setI18n(UploadTexts.of(this, getTranslation("quiz.io.upload.drop"),
                getTranslation("quiz.io.upload.button"), getTranslation("quiz.io.upload.too-many"),
                getTranslation("quiz.io.upload.too-big", String.valueOf(QuestionImportService.MAX_BYTES / MB)),
                getTranslation("quiz.io.upload.wrong-type")));
        upload.addFileRejectedListener(e -> {
            Notification n = Notification.show(getTranslation("quiz.io.upload.rejected", e.getFileName(),
                    e.getErrorMessage()), 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        });
        Span uploadLabel = new Span(getTranslation("quiz.io.upload.label"));
        uploadLabel.getStyle().set("font-weight", "600");
        result.setWidthFull();
        result.addClassName("mingze-question-import-result");

        // --- export
        H3 exportTitle = new H3(getTranslation("quiz.io.export.title"));
        Paragraph exportIntro = new Paragraph(getTranslation("quiz.io.export.intro"));
        banks.setLabel(getTranslation("quiz.io.export.banks"));
        banks.setItems(questions.banks().stream().map(BankSummary::name).toList());
        banks.setWidthFull();
        tag.setLabel(getTranslation("quiz.io.export.tag"));
        tag.setItems(questions.tags());
        tag.setClearButtonVisible(true);
        tag.setWidthFull();
        text.setLabel(getTranslation("quiz.io.export.text"));
        text.setClearButtonVisible(true);
        text.setWidthFull();
        retired.setLabel(getTranslation("quiz.io.export.retired"));
        format.setLabel(getTranslation("quiz.io.export.format"));
        format.setItems(QuestionFormat.values());
        format.setItemLabelGenerator(f -> getTranslation("quiz.io.format." + f.name()));
        format.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        format.setValue(QuestionFormat.XLSX);
        Button export = new Button(getTranslation("quiz.io.export.button"), VaadinIcon.DOWNLOAD_ALT.create(),
                e -> export());
        export.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export.addClassName("mingze-question-export");
        exported.setWidthFull();
        exported.addClassName("mingze-question-export-result");

        for (Paragraph p : List.of(intro, rules, limits, exportIntro)) {
            p.getStyle().set("margin", "0");
        }
        add(title, intro, importTitle, rules, limits, template, formats, defaultBank, uploadLabel, upload, result,
                exportTitle, exportIntro, banks, tag, text, retired, format, export, exported);
    }

    // --- import ------------------------------------------------------------------------------------------------

    /** Reads at most one byte more than allowed (so that the service can say "too large"), then imports. */
    private UploadHandler handler() {
        return event -> {
            byte[] data;
            try (InputStream in = event.getInputStream()) {
                data = in.readNBytes(QuestionImportService.MAX_BYTES + 1);
            }
            String fileName = event.getFileName();
            event.getUI().access(() -> received(fileName, data));
        };
    }

    void received(String fileName, byte[] data) {
        result.removeAll();
        try {
            showSuccess(imports.importFile(fileName, data, defaultBank.getValue()));
        } catch (ValidationException ex) {
            showProblems(fileName, ex.problems());
        } finally {
            upload.clearFileList();
        }
        result.scrollIntoView();
    }

    private void showSuccess(QuestionImportResult r) {
        Div banner = banner("success", VaadinIcon.CHECK_CIRCLE, getTranslation("quiz.io.import.success",
                String.valueOf(r.created().size()), String.valueOf(r.updated().size()),
                String.valueOf(r.unchanged())));
        banner.addClassName("mingze-import-success");
        result.add(banner, new Paragraph(getTranslation("quiz.io.import.file", r.fileName())));
    }

    private void showProblems(String fileName, List<Problem> problems) {
        Div banner = banner("error", VaadinIcon.CLOSE_CIRCLE, getTranslation("quiz.io.import.failed"));
        banner.addClassName("mingze-import-failed");
        Paragraph detail = new Paragraph(getTranslation("quiz.io.import.failed.detail", fileName,
                String.valueOf(problems.size())));
        Div list = new Div();
        list.addClassName("mingze-question-import-problems");
        list.getElement().setAttribute("role", "list");
        problems.stream().limit(MAX_SHOWN).forEach(p -> list.add(card(p)));
        result.add(banner, detail, list);
        if (problems.size() > MAX_SHOWN) {
            result.add(new Paragraph(getTranslation("quiz.io.import.more",
                    String.valueOf(problems.size() - MAX_SHOWN))));
        }
    }

    /** One problem as a card: where (row · column) on top, what is wrong below; wraps on a phone. */
    private Component card(Problem p) {
        String column = getTranslation("quiz.import.field." + p.field());
        String where = p.row() == 0 ? column : getTranslation("quiz.io.problem.row", String.valueOf(p.row()))
                + " · " + column;
        Span at = new Span(where);
        at.addClassName("mingze-problem-where");
        at.getStyle().set("display", "block").set("font-weight", "600");
        Span why = new Span(getTranslation(p.key(), p.args().toArray()));
        why.addClassName("mingze-problem-reason");
        why.getStyle().set("display", "block").set("overflow-wrap", "anywhere");
        Div card = new Div(at, why);
        card.addClassName("mingze-problem");
        card.getElement().setAttribute("role", "listitem");
        card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("margin", "var(--lumo-space-xs) 0")
                .set("border-left", "3px solid var(--lumo-error-color)")
                .set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-s)");
        return card;
    }

    // --- export ------------------------------------------------------------------------------------------------

    void export() {
        exported.removeAll();
        QuestionFilter filter = QuestionFilter.all().withTag(tag.getValue()).withText(text.getValue())
                .withRetired(retired.getValue());
        QuestionFormat f = format.getValue() == null ? QuestionFormat.XLSX : format.getValue();
        QuestionExport file;
        try {
            file = imports.export(new QuestionSelection(new ArrayList<>(banks.getSelectedItems()), filter), f);
        } catch (ValidationException ex) {
            Paragraph none = new Paragraph(ex.problems().stream().map(p -> getTranslation(p.key(),
                    p.args().toArray())).reduce((a, b) -> a + " " + b).orElse(""));
            none.addClassName("mingze-export-empty");
            none.getStyle().set("color", "var(--lumo-error-text-color)");
            exported.add(none);
            return;
        }
        Paragraph ready = new Paragraph(getTranslation("quiz.io.export.ready", file.fileName(),
                String.valueOf(file.questions())));
        ready.addClassName("mingze-export-ready");
        Anchor link = download(file.fileName(), file.contentType(), file::content,
                getTranslation("quiz.io.export.download", file.fileName()));
        link.addClassName("mingze-export-download");
        exported.add(ready, link);
        if (f == QuestionFormat.AIKEN) {
            exported.add(new Paragraph(getTranslation("quiz.io.export.aiken-note")));
        }
        notes(file.skipped(), "quiz.io.export.skipped");
        notes(file.notes(), "quiz.io.export.notes");
    }

    private void notes(List<QuestionExport.Note> notes, String titleKey) {
        if (notes.isEmpty()) {
            return;
        }
        Div list = new Div();
        list.addClassName("mingze-export-notes");
        list.add(new Paragraph(getTranslation(titleKey, String.valueOf(notes.size()))));
        notes.stream().limit(MAX_SHOWN).forEach(n -> {
            Span s = new Span(getTranslation("quiz.io.note", n.questionId(), getTranslation(n.key(),
                    n.args().toArray())));
            s.getStyle().set("display", "block").set("overflow-wrap", "anywhere");
            list.add(s);
        });
        exported.add(list);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

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

    private static Anchor download(String fileName, String type, java.util.function.Supplier<byte[]> content,
                                   String text) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, type, bytes.length);
        }), text);
        a.getElement().insertChild(0, VaadinIcon.DOWNLOAD_ALT.create().getElement());
        return a;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("quiz.io.title");
    }
}
