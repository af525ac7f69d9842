package org.mingze.schedule.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mingze.base.i18n.Formats;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.UnitNode;
import org.mingze.schedule.FeedRow;
import org.mingze.schedule.FeedService;
import org.mingze.schedule.NewFeed;

/**
 * 订阅日历: makes a secret iCalendar address of one's own sessions (or, for organisers, of a unit's) for a phone or
 * desktop calendar, shows it once, and lists the feeds made with a button to revoke each.
 */
class FeedPanel extends Div {

    private final FeedService feeds;
    private final Select<Object> what = new Select<>();
    private final TextField address = new TextField();
    private final Div list = new Div();

    FeedPanel(FeedService feeds, List<UnitNode> manageable) {
        this.feeds = feeds;
        addClassName("mingze-feeds");
        add(new H3(getTranslation("schedule.feed.title")), new Paragraph(getTranslation("schedule.feed.intro")));
        List<Object> choices = new ArrayList<>();
        choices.add("mine");
        choices.addAll(manageable);
        what.setItems(choices);
        what.setItemLabelGenerator(o -> o instanceof UnitNode u ? getTranslation("schedule.feed.of-unit", u.name())
                : getTranslation("schedule.feed.of-mine"));
        what.setValue("mine");
        what.setVisible(!manageable.isEmpty());
        what.setAriaLabel(getTranslation("schedule.feed.title"));
        Button make = new Button(getTranslation("schedule.feed.make"), e -> make());
        make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        make.addClassName("mingze-feed-make");
        HorizontalLayout bar = new HorizontalLayout(what, make);
        bar.setWrap(true);
        bar.setDefaultVerticalComponentAlignment(HorizontalLayout.Alignment.BASELINE);
        address.setReadOnly(true);
        address.setWidthFull();
        address.setVisible(false);
        address.addClassName("mingze-feed-address");
        list.addClassName("mingze-feed-list");
        add(bar, address, list);
        refresh();
    }

    private void make() {
        try {
            NewFeed f = what.getValue() instanceof UnitNode u ? feeds.createForUnit(u.id()) : feeds.createMine();
            address.setValue(base() + f.path());
            address.setHelperText(getTranslation("schedule.feed.copy-now"));
            address.setVisible(true);
            refresh();
        } catch (ValidationException ex) {
            FormErrors.show(ex, Map.of(), this);
        }
    }

    private void refresh() {
        list.removeAll();
        var locale = UI.getCurrent().getLocale();
        for (FeedRow f : feeds.mine()) {
            if (!f.active()) {
                continue;
            }
            Div row = new Div(new Span(f.unitId() == null ? getTranslation("schedule.feed.of-mine")
                    : getTranslation("schedule.feed.of-unit", f.unitName())),
                    small(getTranslation("schedule.feed.made", Formats.dateTime(f.createdAt(), locale))));
            row.addClassName("mingze-feed");
            Button revoke = new Button(getTranslation("schedule.feed.revoke"), e -> {
                feeds.revoke(f.id());
                address.setVisible(false);
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.addClassName("mingze-feed-revoke");
            row.add(revoke);
            list.add(row);
        }
    }

    private static Span small(String text) {
        Span s = new Span(text);
        s.addClassName("mingze-small");
        return s;
    }

    private static String base() {
        VaadinServletRequest r = VaadinServletRequest.getCurrent();
        if (r == null) {
            return "/";
        }
        var h = r.getHttpServletRequest();
        boolean defaultPort = "http".equals(h.getScheme()) && h.getServerPort() == 80
                || "https".equals(h.getScheme()) && h.getServerPort() == 443;
        return h.getScheme() + "://" + h.getServerName() + (defaultPort ? "" : ":" + h.getServerPort())
                + h.getContextPath() + "/";
    }
}
