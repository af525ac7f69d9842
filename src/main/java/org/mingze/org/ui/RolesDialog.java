package org.mingze.org.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import java.util.EnumSet;
import java.util.Map;
import org.mingze.base.security.Role;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;

/** An administrator sets a member's roles; an organiser also needs the unit whose subtree they manage. */
class RolesDialog extends Dialog {

    RolesDialog(MemberRow m, MemberService members, OrgService org, Runnable onSaved) {
        setHeaderTitle(getTranslation("account.roles") + " · " + m.name());
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("member.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation(r.labelKey()));
        roles.setValue(m.roles().isEmpty() ? EnumSet.of(Role.LEARNER) : m.roles());
        ComboBox<UnitNode> scope = new ComboBox<>(getTranslation("account.scope"));
        scope.setItems(org.visibleUnits());
        scope.setItemLabelGenerator(UnitNode::name);
        scope.setHelperText(getTranslation("account.scope.help"));
        if (m.scopeUnitId() != null) {
            org.unit(m.scopeUnitId()).ifPresent(scope::setValue);
        }
        scope.setEnabled(roles.getValue().contains(Role.ORGANIZER));
        roles.addValueChangeListener(e -> scope.setEnabled(e.getValue().contains(Role.ORGANIZER)));
        add(new FormLayout(roles, scope));
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                members.setRoles(m.id(), roles.getValue(), scope.getValue() == null ? null : scope.getValue().id());
                close();
                onSaved.run();
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("roles", roles, "scope", scope), this);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }
}
