package org.mingze.review.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.mingze.base.time.BureauZone;
import org.mingze.base.validation.Problem;
import org.mingze.review.internal.CandidateSheet;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mingze.base.security.Roles;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.MemberFilter;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.review.BatchDraft;
import org.mingze.review.BatchRow;
import org.mingze.review.CandidateDraft;
import org.mingze.review.ReviewService;
import org.mingze.review.ReviewType;

/**
 * A new review batch: type, name, unit, deadline, pass mark, re-sit days, and the candidates picked from the unit's
 * members with their proposed posts, or imported from a 拟任 list .xlsx (all or nothing; every bad row listed).
 */
@Route("review/new")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
class ReviewEditorView extends VerticalLayout implements HasDynamicTitle {

    /** A picked candidate with the posts typed in the grid. */
    private static final class Pick {
        final MemberRow member;
        final TextField current = new TextField();
        final TextField proposed = new TextField();

        Pick(MemberRow m) {
            member = m;
            current.setValue(m.post() == null ? "" : m.post());
            current.setWidthFull();
            proposed.setWidthFull();
        }
    }

    ReviewEditorView(ReviewService reviews, OrgService org, MemberService members) {
        addClassName("mingze-review-editor");
        add(new H2(getTranslation("review.list.new")));
        Select<ReviewType> type = new Select<>();
        type.setLabel(getTranslation("review.sheet.type"));
        type.setItems(ReviewType.values());
        type.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        type.setValue(ReviewType.PRE_APPOINTMENT);
        TextField name = new TextField(getTranslation("review.field.name"));
        name.setPlaceholder(getTranslation("review.field.name.hint"));
        ComboBox<UnitNode> unit = new ComboBox<>(getTranslation("review.sheet.unit"));
        unit.setItems(org.manageableUnits());
        unit.setItemLabelGenerator(UnitNode::name);
        DatePicker deadline = new DatePicker(getTranslation("review.field.deadline"));
        deadline.setValue(LocalDate.now(BureauZone.get()).plusDays(7));
        IntegerField pass = new IntegerField(getTranslation("review.field.pass"));
        pass.setValue(80);
        IntegerField delay = new IntegerField(getTranslation("review.field.delay"));
        delay.setValue(7);
        IntegerField window = new IntegerField(getTranslation("review.field.window"));
        window.setValue(30);
        FormLayout form = new FormLayout(type, name, unit, deadline, pass, delay, window);
        add(form);

        MultiSelectComboBox<MemberRow> people = new MultiSelectComboBox<>(getTranslation("review.field.candidates"));
        people.setItemLabelGenerator(m -> m.name() + "（" + m.employeeNo() + "，" + m.unitName() + "）");
        people.setWidthFull();
        Map<Long, Pick> picks = new LinkedHashMap<>();
        Grid<Pick> grid = new Grid<>();
        grid.addColumn(p -> p.member.name()).setHeader(getTranslation("review.sheet.name"));
        grid.addComponentColumn(p -> p.current).setHeader(getTranslation("review.sheet.post"));
        grid.addComponentColumn(p -> p.proposed).setHeader(getTranslation("review.sheet.proposed"));
        grid.setAllRowsVisible(true);
        unit.addValueChangeListener(e -> {
            people.clear();
            people.setItems(e.getValue() == null ? List.of() : members.search(new MemberFilter(null,
                    e.getValue().id(), true, null), 0, 500).getContent());
        });
        people.addValueChangeListener(e -> {
            Map<Long, Pick> keep = new LinkedHashMap<>();
            for (MemberRow m : e.getValue()) {
                keep.put(m.id(), picks.getOrDefault(m.id(), new Pick(m)));
            }
            picks.clear();
            picks.putAll(keep);
            grid.setItems(new ArrayList<>(picks.values()));
        });
        if (!org.manageableUnits().isEmpty()) {
            unit.setValue(org.manageableUnits().get(0));
        }
        Div problems = new Div();
        problems.addClassName("mingze-review-import-problems");
        Upload upload = new Upload();
        upload.setAcceptedFileTypes(".xlsx");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CandidateSheet.MAX_BYTES);
        upload.setUploadHandler(event -> {
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(CandidateSheet.MAX_BYTES + 1);
            }
            String fileName = event.getFileName();
            event.getUI().access(() -> {
                problems.removeAll();
                try {
                    List<CandidateDraft> read = reviews.readCandidates(fileName, bytes);
                    List<MemberRow> rows = new ArrayList<>();
                    Map<Long, CandidateDraft> byId = new LinkedHashMap<>();
                    for (CandidateDraft c : read) {
                        members.member(c.memberId()).ifPresent(rows::add);
                        byId.put(c.memberId(), c);
                    }
                    people.setItems(rows);
                    people.setValue(new java.util.LinkedHashSet<>(rows));
                    for (Pick p : picks.values()) {
                        CandidateDraft c = byId.get(p.member.id());
                        p.current.setValue(c.currentPost() == null ? "" : c.currentPost());
                        p.proposed.setValue(c.proposedPost());
                    }
                    problems.add(new Paragraph(getTranslation("review.import.done", read.size())));
                } catch (ValidationException ex) {
                    problems.add(new Paragraph(getTranslation("review.import.problems", ex.problems().size())));
                    for (Problem p : ex.problems()) {
                        problems.add(new Div(new Span((p.row() == 0 ? "" : getTranslation("review.import.row", p.row()))
                                + ("file".equals(p.field()) || "header".equals(p.field()) ? "" : "【" + p.field() + "】")
                                + getTranslation(p.key(), p.args().toArray()))));
                    }
                } finally {
                    upload.clearFileList();
                }
            });
        });
        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = reviews.candidateTemplate();
            return new DownloadResponse(new ByteArrayInputStream(bytes), "拟任名单模板.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.length);
        }), getTranslation("review.import.template"));
        add(people, new H3(getTranslation("review.import.title")), template, upload, problems, grid,
                new Paragraph(getTranslation("review.editor.test-note")));
        Button save = new Button(getTranslation("review.editor.create"), e -> {
            List<CandidateDraft> cs = picks.values().stream().map(p -> new CandidateDraft(p.member.id(),
                    p.current.getValue(), p.proposed.getValue())).toList();
            try {
                BatchRow b = reviews.create(new BatchDraft(type.getValue(), name.getValue(),
                        unit.getValue() == null ? 0 : unit.getValue().id(), deadline.getValue(),
                        pass.getValue() == null ? 0 : pass.getValue(), delay.getValue() == null ? -1 : delay.getValue(),
                        window.getValue() == null ? 0 : window.getValue(), cs));
                UI.getCurrent().navigate(ReviewBatchView.class, b.id());
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("name", name, "deadline", deadline, "passPercent", pass,
                        "resitWindowDays", window, "candidates", people), this);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.list.new");
    }
}
