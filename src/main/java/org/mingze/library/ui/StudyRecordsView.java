package org.mingze.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.library.MemberStudyRow;
import org.mingze.library.StudyService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;

/**
 * 学习记录: the study time of the members an organiser is responsible for (administrators and auditors: everyone),
 * by unit and month; a row opens the member's study by material.
 */
@Route("library/records")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.AUDITOR})
@Menu(title = "menu.library-records", order = 12, icon = "vaadin:records")
class StudyRecordsView extends VerticalLayout implements HasDynamicTitle {

    private static final String ALL_TIME = "all";

    private final StudyService study;
    final ComboBox<UnitNode> unit = new ComboBox<>();
    final Select<String> month = new Select<>();
    final Grid<MemberStudyRow> grid = new Grid<>();
    private final Span total = new Span();

    StudyRecordsView(StudyService study, OrgService org, Clock clock) {
        this.study = study;
        addClassName("mingze-records");
        setSizeFull();
        boolean all = CurrentUser.has(Role.ADMIN) || CurrentUser.has(Role.AUDITOR);
        unit.setLabel(getTranslation("library.records.unit"));
        unit.setPlaceholder(getTranslation("library.records.unit.all"));
        unit.setItems(all ? org.visibleUnits() : org.manageableUnits());
        unit.setItemLabelGenerator(UnitNode::name);
        unit.setClearButtonVisible(true);
        unit.addValueChangeListener(e -> refresh());
        List<String> months = new ArrayList<>();
        YearMonth now = YearMonth.now(clock);
        for (int i = 0; i < 12; i++) {
            months.add(now.minusMonths(i).toString());
        }
        months.add(ALL_TIME);
        month.setLabel(getTranslation("library.records.month"));
        month.setItems(months);
        month.setItemLabelGenerator(m -> ALL_TIME.equals(m) ? getTranslation("library.records.month.all")
                : Durations.month(YearMonth.parse(m), this));
        month.setValue(now.toString());
        month.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(unit, month);
        filters.addClassName("mingze-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);

        grid.addColumn(MemberStudyRow::name).setHeader(getTranslation("library.records.name")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(MemberStudyRow::unitName).setHeader(getTranslation("library.records.unit")).setFlexGrow(1);
        grid.addColumn(r -> Durations.format(r.seconds(), this)).setHeader(getTranslation("library.study.time"))
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
                .setComparator(MemberStudyRow::seconds);
        grid.addColumn(MemberStudyRow::studied).setHeader(getTranslation("library.records.studied")).setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setComparator(MemberStudyRow::studied);
        grid.addColumn(r -> Formats.date(r.lastDay(), getLocale())).setHeader(getTranslation(
                "library.records.last-day")).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setSizeFull();
        total.addClassName("mingze-records-total");
        add(new H2(getTranslation("library.records.title")), filters, total, grid);
        refresh();
    }

    private void refresh() {
        YearMonth m = Optional.ofNullable(month.getValue()).filter(v -> !ALL_TIME.equals(v)).map(YearMonth::parse)
                .orElse(null);
        List<MemberStudyRow> rows = study.records(unit.getValue() == null ? null : unit.getValue().id(), m);
        grid.setItems(rows);
        total.setText(getTranslation("library.records.total", String.valueOf(rows.size()),
                Durations.format(rows.stream().mapToLong(MemberStudyRow::seconds).sum(), this)));
    }

    private void open(MemberStudyRow row) {
        Dialog d = new Dialog();
        d.addClassName("mingze-records-detail");
        d.setHeaderTitle(getTranslation("library.records.detail", row.name()));
        d.setWidth("min(40rem, 100vw)");
        d.add(MyStudyView.StudyPanel.of(study.memberStudy(row.memberId()), this));
        d.getFooter().add(new Button(getTranslation("common.close"), e -> d.close()));
        d.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.records.title");
    }
}
