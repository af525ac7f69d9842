package org.mingze.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import org.mingze.base.i18n.Formats;
import org.mingze.base.notify.Notice;
import org.mingze.base.notify.NotificationService;

/** The bell in the header: the unread count, and the inbox in a popover with "mark read". */
class NoticeBell extends Div {

    private final NotificationService notices;
    private final Span badge = new Span();
    private final Div list = new Div();
    private final Button bellButton;

    NoticeBell(NotificationService notices) {
        this.notices = notices;
        addClassName("mingze-bell");
        bellButton = new Button(VaadinIcon.BELL.create());
        bellButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bellButton.setAriaLabel(getTranslation("shell.notices"));
        bellButton.setTooltipText(getTranslation("shell.notices"));
        badge.getElement().getThemeList().add("badge error primary small pill");
        badge.addClassName("mingze-bell-badge");
        add(bellButton, badge);

        Popover popover = new Popover();
        popover.setTarget(bellButton);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.setWidth("min(22rem, 95vw)");
        Button markAll = new Button(getTranslation("shell.notices.mark-all"), e -> {
            notices.markAllRead();
            refresh();
        });
        markAll.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Span title = new Span(getTranslation("shell.notices"));
        title.addClassName("mingze-bell-title");
        HorizontalLayout head = new HorizontalLayout(title, markAll);
        head.setWidthFull();
        head.setJustifyContentMode(com.vaadin.flow.component.orderedlayout.FlexComponent.JustifyContentMode.BETWEEN);
        head.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        list.addClassName("mingze-bell-list");
        popover.add(head, list);
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                refresh();
            }
        });
    }

    void refresh() {
        long unread = notices.unreadCount();
        badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
        badge.setVisible(unread > 0);
        bellButton.setAriaLabel(getTranslation("shell.notices.unread", unread));
        list.removeAll();
        var inbox = notices.inbox(20);
        if (inbox.isEmpty()) {
            list.add(new Div(getTranslation("shell.notices.none")));
        }
        for (Notice n : inbox) {
            Div row = new Div();
            row.addClassName("mingze-notice");
            if (!n.read()) {
                row.addClassName("unread");
            }
            Div t = new Div(n.title());
            t.addClassName("mingze-notice-title");
            Div when = new Div(Formats.dateTime(n.createdAt(), getLocale()));
            when.addClassName("mingze-notice-when");
            row.add(t);
            if (n.body() != null) {
                row.add(new Div(n.body()));
            }
            row.add(when);
            row.addClickListener(e -> {
                notices.markRead(n.id());
                if (n.link() != null) {
                    UI.getCurrent().navigate(n.link());
                }
                refresh();
            });
            list.add(row);
        }
    }
}
