package org.mingze.duty.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mingze.base.security.Roles;
import org.mingze.base.time.BureauZone;
import org.mingze.base.validation.ValidationException;
import org.mingze.base.ui.FormErrors;
import org.mingze.duty.DutyService;
import org.mingze.duty.SessionDraft;
import org.mingze.duty.SessionRow;
import org.mingze.org.MemberFilter;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.quiz.BankSummary;
import org.mingze.quiz.QuestionService;

/**
 * A new duty-report session: name, year, unit, meeting day, the reporting leaders (members of the unit, leaders
 * first, in the order they report), the question source (banks, tags), K questions per reporter, points, the
 * optional timer, and whether to publish the written test.
 */
@Route("duty/new")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
class DutyEditorView extends VerticalLayout implements HasDynamicTitle {

    DutyEditorView(DutyService duty, OrgService org, MemberService members, QuestionService questions) {
        addClassName("mingze-duty-editor");
        add(new H2(getTranslation("duty.list.new")));
        LocalDate today = LocalDate.now(BureauZone.get());
        TextField name = new TextField(getTranslation("duty.field.name"));
        name.setValue(today.getYear() + "年度述职述廉述学暨民主评议");
        IntegerField year = new IntegerField(getTranslation("duty.field.year"));
        year.setValue(today.getYear());
        ComboBox<UnitNode> unit = new ComboBox<>(getTranslation("duty.field.unit"));
        unit.setItems(org.manageableUnits());
        unit.setItemLabelGenerator(UnitNode::name);
        DatePicker day = new DatePicker(getTranslation("duty.field.day"));
        day.setValue(today.plusDays(7));
        MultiSelectComboBox<MemberRow> reporters = new MultiSelectComboBox<>(getTranslation("duty.field.reporters"));
        reporters.setItemLabelGenerator(m -> m.name() + (m.post() == null ? "" : "（" + m.post() + "）"));
        reporters.setHelperText(getTranslation("duty.field.reporters.help"));
        unit.addValueChangeListener(e -> {
            reporters.clear();
            if (e.getValue() == null) {
                reporters.setItems(List.of());
                return;
            }
            List<MemberRow> ms = new ArrayList<>(members.search(new MemberFilter(null, e.getValue().id(), true, null),
                    0, 500).getContent());
            ms.sort(Comparator.comparing((MemberRow m) -> !m.leader()).thenComparing(MemberRow::employeeNo));
            reporters.setItems(ms);
        });
        MultiSelectComboBox<String> banks = new MultiSelectComboBox<>(getTranslation("duty.field.banks"));
        banks.setItems(questions.banks().stream().map(BankSummary::name).toList());
        banks.setHelperText(getTranslation("duty.field.banks.help"));
        MultiSelectComboBox<String> tags = new MultiSelectComboBox<>(getTranslation("duty.field.tags"));
        tags.setItems(questions.tags());
        tags.setHelperText(getTranslation("duty.field.tags.help"));
        IntegerField k = new IntegerField(getTranslation("duty.field.per-reporter"));
        k.setValue(SessionDraft.DEFAULT_PER_REPORTER);
        k.setMin(1);
        k.setMax(10);
        k.setStepButtonsVisible(true);
        IntegerField points = new IntegerField(getTranslation("duty.field.points"));
        points.setValue(10);
        IntegerField timer = new IntegerField(getTranslation("duty.field.timer"));
        timer.setValue(120);
        timer.setHelperText(getTranslation("duty.field.timer.help"));
        Checkbox test = new Checkbox(getTranslation("duty.field.test"), true);
        FormLayout form = new FormLayout(name, year, unit, day, reporters, banks, tags, k, points, timer, test);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(reporters, 2);
        form.setColspan(name, 2);
        add(form, new Paragraph(getTranslation("duty.editor.note")));
        Button save = new Button(getTranslation("duty.editor.create"), e -> {
            try {
                List<Long> ids = reporters.getSelectedItems().stream()
                        .sorted(Comparator.comparing((MemberRow m) -> !m.leader()).thenComparing(MemberRow::employeeNo))
                        .map(MemberRow::id).toList();
                SessionRow s = duty.create(new SessionDraft(name.getValue(), year.getValue() == null ? 0
                        : year.getValue(), unit.getValue() == null ? 0 : unit.getValue().id(), day.getValue(), ids,
                        new ArrayList<>(banks.getSelectedItems()), new ArrayList<>(tags.getSelectedItems()),
                        k.getValue() == null ? 0 : k.getValue(), points.getValue() == null ? 0 : points.getValue(),
                        timer.getValue() == null ? 0 : timer.getValue(), test.getValue()));
                UI.getCurrent().navigate(DutySessionView.class, s.id());
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("name", name, "year", year, "meetingDay", day, "reporters", reporters,
                        "banks", banks, "perReporter", k, "points", points, "timerSeconds", timer), this);
            } catch (org.springframework.security.access.AccessDeniedException ex) {
                unit.setErrorMessage(getTranslation("duty.error.unit"));
                unit.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("duty.list.new");
    }
}
