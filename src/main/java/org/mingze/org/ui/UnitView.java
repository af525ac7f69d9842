package org.mingze.org.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.mingze.base.security.Roles;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.OrgService;
import org.mingze.org.UnitKind;
import org.mingze.org.UnitNode;

/** The unit tree (党委 > 党支部 > 党小组): add, rename, deactivate. Administrators only. */
@Route("admin/units")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "menu.units", order = 90, icon = "vaadin:sitemap")
class UnitView extends VerticalLayout implements HasDynamicTitle {

    private final OrgService org;
    private final TreeGrid<UnitNode> tree = new TreeGrid<>();

    UnitView(OrgService org) {
        this.org = org;
        setSizeFull();
        tree.addHierarchyColumn(UnitNode::name).setHeader(getTranslation("unit.name")).setFlexGrow(3);
        tree.addColumn(u -> getTranslation(u.kind().labelKey())).setHeader(getTranslation("unit.kind"));
        tree.addComponentColumn(u -> {
            Span s = new Span(getTranslation(u.active() ? "common.active" : "common.inactive"));
            s.getElement().getThemeList().add(u.active() ? "badge success" : "badge contrast");
            return s;
        }).setHeader(getTranslation("common.status"));
        tree.addComponentColumn(this::actions).setHeader(getTranslation("common.actions")).setAutoWidth(true);
        tree.setSizeFull();
        Button addRoot = new Button(getTranslation("unit.add-root"), VaadinIcon.PLUS.create(),
                e -> openAdd(null));
        add(new HorizontalLayout(new H2(getTranslation("menu.units")), addRoot), tree);
        refresh();
    }

    private HorizontalLayout actions(UnitNode u) {
        HorizontalLayout h = new HorizontalLayout();
        if (u.active() && u.kind() != UnitKind.GROUP) {
            Button add = small(getTranslation("unit.add-child"), e -> openAdd(u));
            h.add(add);
        }
        h.add(small(getTranslation("common.rename"), e -> openRename(u)));
        if (u.active()) {
            h.add(small(getTranslation("common.deactivate"), e -> {
                ConfirmDialog d = new ConfirmDialog(getTranslation("unit.deactivate.title"),
                        getTranslation("unit.deactivate.text", u.name()), getTranslation("common.deactivate"), ev -> {
                            try {
                                org.deactivateUnit(u.id());
                                refresh();
                            } catch (ValidationException ex) {
                                FormErrors.show(ex, Map.of(), this);
                            }
                        });
                d.setCancelable(true);
                d.setCancelText(getTranslation("common.cancel"));
                d.open();
            }));
        } else {
            h.add(small(getTranslation("common.reactivate"), e -> {
                org.reactivateUnit(u.id());
                refresh();
            }));
        }
        return h;
    }

    private Button small(String text, com.vaadin.flow.component.ComponentEventListener<
            com.vaadin.flow.component.ClickEvent<Button>> l) {
        Button b = new Button(text, l);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    private void openAdd(UnitNode parent) {
        Dialog d = new Dialog(getTranslation(parent == null ? "unit.add-root" : "unit.add-child"));
        TextField name = new TextField(getTranslation("unit.name"));
        name.setRequired(true);
        Select<UnitKind> kind = new Select<>();
        kind.setLabel(getTranslation("unit.kind"));
        kind.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        List<UnitKind> kinds = parent == null ? List.of(UnitKind.COMMITTEE)
                : java.util.Arrays.stream(UnitKind.values()).filter(parent.kind()::mayContain).toList();
        kind.setItems(kinds);
        kind.setValue(kinds.get(kinds.size() - 1));
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                org.createUnit(name.getValue(), kind.getValue(), parent == null ? null : parent.id());
                d.close();
                refresh();
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("name", name), this);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(new FormLayout(name, kind));
        d.getFooter().add(new Button(getTranslation("common.cancel"), e -> d.close()), save);
        d.open();
    }

    private void openRename(UnitNode u) {
        Dialog d = new Dialog(getTranslation("common.rename"));
        TextField name = new TextField(getTranslation("unit.name"), u.name(), "");
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                org.renameUnit(u.id(), name.getValue());
                d.close();
                refresh();
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("name", name), this);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(name);
        d.getFooter().add(new Button(getTranslation("common.cancel"), e -> d.close()), save);
        d.open();
    }

    private void refresh() {
        List<UnitNode> all = org.visibleUnits();
        tree.setItems(all.stream().filter(u -> u.parentId() == null).toList(),
                p -> all.stream().filter(c -> p.id() == (c.parentId() == null ? -1 : c.parentId())).toList());
        tree.expandRecursively(all.stream().filter(u -> u.parentId() == null).toList(), 2);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.units");
    }
}
