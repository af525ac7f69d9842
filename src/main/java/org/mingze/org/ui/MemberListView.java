package org.mingze.org.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.MemberFilter;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;

/**
 * Members: search and filter, create and edit (validated on the server), deactivate, and for administrators the
 * account (roles, temporary password, unlock). Organisers see and edit their own units only.
 */
@Route("admin/members")
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.AUDITOR})
@Menu(title = "menu.members", order = 80, icon = "vaadin:users")
class MemberListView extends VerticalLayout implements HasDynamicTitle {

    private final MemberService members;
    private final OrgService org;
    private final Grid<MemberRow> grid = new Grid<>();
    private final TextField text = new TextField();
    private final ComboBox<UnitNode> unit = new ComboBox<>();
    private final Select<String> status = new Select<>();
    private final boolean canEdit = CurrentUser.has(Role.ADMIN) || CurrentUser.has(Role.ORGANIZER);
    private final boolean isAdmin = CurrentUser.has(Role.ADMIN);

    MemberListView(MemberService members, OrgService org) {
        this.members = members;
        this.org = org;
        setSizeFull();
        addClassName("mingze-members");

        text.setPlaceholder(getTranslation("member.search"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        text.addValueChangeListener(e -> refresh());
        unit.setPlaceholder(getTranslation("member.unit.all"));
        unit.setItems(org.visibleUnits());
        unit.setItemLabelGenerator(UnitNode::name);
        unit.setClearButtonVisible(true);
        unit.addValueChangeListener(e -> refresh());
        status.setItems("active", "inactive", "all");
        status.setItemLabelGenerator(s -> getTranslation("member.status." + s));
        status.setValue("active");
        status.addValueChangeListener(e -> refresh());

        Button add = new Button(getTranslation("member.add"), VaadinIcon.PLUS.create(), e -> openEditor(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(canEdit);
        Button importButton = new Button(getTranslation("member.import"), VaadinIcon.UPLOAD.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("admin/members/import")));
        importButton.setVisible(canEdit);

        FlexLayout filters = new FlexLayout(text, unit, status, add, importButton);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("mingze-filters");

        grid.addColumn(MemberRow::name).setHeader(getTranslation("member.name")).setAutoWidth(true)
                .setFrozen(true);
        grid.addColumn(MemberRow::employeeNo).setHeader(getTranslation("member.employee-no")).setAutoWidth(true);
        grid.addColumn(MemberRow::unitName).setHeader(getTranslation("member.unit")).setAutoWidth(true);
        grid.addColumn(MemberRow::post).setHeader(getTranslation("member.post")).setAutoWidth(true);
        grid.addColumn(m -> m.leader() ? getTranslation("common.yes") : "").setHeader(getTranslation("member.leader"))
                .setAutoWidth(true);
        grid.addColumn(m -> m.roles().stream().map(r -> getTranslation(r.labelKey())).collect(Collectors.joining(getTranslation("common.list-separator"))))
                .setHeader(getTranslation("member.roles")).setAutoWidth(true);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("common.status")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("common.actions")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        add(new H2(getTranslation("menu.members")), filters, grid);
        refresh();
    }

    private Span statusBadge(MemberRow m) {
        String key = !m.active() ? "common.inactive" : m.locked() ? "member.locked" : "common.active";
        Span s = new Span(getTranslation(key));
        s.getElement().getThemeList().add(!m.active() ? "badge contrast" : m.locked() ? "badge error" : "badge success");
        return s;
    }

    private MenuBar actions(MemberRow m) {
        MenuBar bar = new MenuBar();
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_SMALL);
        MenuItem root = bar.addItem(VaadinIcon.ELLIPSIS_DOTS_H.create());
        root.setAriaLabel(getTranslation("common.actions"));
        var sub = root.getSubMenu();
        if (canEdit && org.canManage(m.unitId())) {
            sub.addItem(getTranslation("common.edit"), e -> openEditor(m));
            if (m.active()) {
                sub.addItem(getTranslation("common.deactivate"), e -> confirmDeactivate(m));
            } else {
                sub.addItem(getTranslation("common.reactivate"), e -> run(() -> members.reactivate(m.id())));
            }
        }
        if (isAdmin && m.active()) {
            sub.addItem(getTranslation(m.hasAccount() ? "account.reset" : "account.create"), e -> issue(m));
            if (m.hasAccount()) {
                sub.addItem(getTranslation("account.roles"), e -> new RolesDialog(m, members, org, this::refresh).open());
            }
            if (m.locked()) {
                sub.addItem(getTranslation("account.unlock"), e -> run(() -> members.unlock(m.id())));
            }
        }
        bar.setVisible(!sub.getItems().isEmpty());
        return bar;
    }

    private void issue(MemberRow m) {
        try {
            var temp = members.issuePassword(m.id());
            ConfirmDialog d = new ConfirmDialog();
            d.setHeader(getTranslation("account.temp.title"));
            d.setText(getTranslation("account.temp.text", m.name(), temp.username(), temp.password()));
            d.setConfirmText(getTranslation("common.ok"));
            d.open();
            refresh();
        } catch (ValidationException ex) {
            FormErrors.show(ex, Map.of(), this);
        }
    }

    private void confirmDeactivate(MemberRow m) {
        ConfirmDialog d = new ConfirmDialog(getTranslation("member.deactivate.title"),
                getTranslation("member.deactivate.text", m.name()), getTranslation("common.deactivate"),
                e -> run(() -> members.deactivate(m.id())));
        d.setCancelable(true);
        d.setCancelText(getTranslation("common.cancel"));
        d.setConfirmButtonTheme("error primary");
        d.open();
    }

    private void run(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (ValidationException ex) {
            FormErrors.show(ex, Map.of(), this);
        }
    }

    private void openEditor(MemberRow existing) {
        new MemberDialog(existing, members, org.manageableUnits(), this::refresh).open();
    }

    void refresh() {
        MemberFilter filter = new MemberFilter(text.getValue(), unit.getValue() == null ? null : unit.getValue().id(),
                switch (status.getValue() == null ? "active" : status.getValue()) {
                    case "inactive" -> Boolean.FALSE;
                    case "all" -> null;
                    default -> Boolean.TRUE;
                }, null);
        grid.setItems(q -> members.search(filter, q.getPage(), q.getPageSize()).stream(),
                q -> (int) members.count(filter));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.members");
    }
}
