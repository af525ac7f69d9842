package org.mingze.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.stream.Collectors;
import org.mingze.base.i18n.Languages;
import org.mingze.base.notify.NotificationService;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.MingzeUser;

/**
 * The app shell: a side navigation built from the {@code @Menu} of every view the person may open (the layout
 * knows no feature), and a header with the global search box, the notice bell and the person's menu.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    /** The route the header's search box opens with {@code ?q=}; the search module provides it. */
    public static final String SEARCH_ROUTE = "search";
    /** At most this many characters of the header's search box go into the address (the search reads fewer). */
    static final int SEARCH_MAX_LENGTH = 1000;

    private final AuthenticationContext auth;
    private final NotificationService notices;
    private final SideNav nav = new SideNav();
    private final NoticeBell bell;

    public MainLayout(AuthenticationContext auth, NotificationService notices) {
        this.auth = auth;
        this.notices = notices;
        this.bell = new NoticeBell(notices);
        setPrimarySection(Section.DRAWER);
        addClassName("mingze-shell");

        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("mingze-brand");
        Span motto = new Span(getTranslation("app.motto"));
        motto.addClassName("mingze-motto");
        Div brandBox = new Div(brand, motto);
        brandBox.addClassName("mingze-brand-box");
        nav.addClassName("mingze-nav");
        addToDrawer(brandBox, nav);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu"));

        TextField search = new TextField();
        search.setPlaceholder(getTranslation("shell.search.placeholder"));
        search.setAriaLabel(getTranslation("shell.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.addClassName("mingze-search");
        search.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> {
            String q = search.getValue().strip();
            if (q.codePointCount(0, q.length()) > SEARCH_MAX_LENGTH) {
                // a pasted page would otherwise go whole into the address, and a reload of an address of tens of
                // kilobytes is refused by the server; the search reads far fewer characters and says so
                q = q.substring(0, q.offsetByCodePoints(0, SEARCH_MAX_LENGTH));
            }
            if (!q.isEmpty()) {
                UI.getCurrent().navigate(SEARCH_ROUTE, com.vaadin.flow.router.QueryParameters.of("q", q));
            }
        });

        // the search module provides the route; until it exists, the box would lead nowhere
        search.setVisible(RouteConfiguration.forApplicationScope().isPathAvailable(SEARCH_ROUTE));
        Div spacer = new Div();
        HorizontalLayout header = new HorizontalLayout(toggle, search, spacer, bell, userMenu());
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(search.isVisible() ? search : spacer);
        header.addClassName("mingze-header");
        addToNavbar(header);
    }

    private Component userMenu() {
        MenuBar bar = new MenuBar();
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        MingzeUser user = CurrentUser.get().orElse(null);
        Div who = new Div();
        who.addClassName("mingze-user-name");
        if (user != null) {
            who.add(new Div(user.displayName()));
            Div role = new Div((user.unitName() == null ? "" : user.unitName() + " · ") + user.roles().stream()
                    .map(r -> getTranslation(r.labelKey())).collect(Collectors.joining(getTranslation("common.list-separator"))));
            role.addClassName("mingze-user-role");
            who.add(role);
        }
        Icon icon = VaadinIcon.USER.create();
        HorizontalLayout label = new HorizontalLayout(icon, who);
        label.setSpacing(false);
        label.getStyle().set("gap", "var(--lumo-space-xs)");
        label.setAlignItems(FlexComponent.Alignment.CENTER);
        MenuItem root = bar.addItem(label);
        SubMenu sub = root.getSubMenu();
        if (user != null) {
            Div facts = new Div();
            facts.addClassName("mingze-user-facts");
            String roles = user.roles().stream().map(r -> getTranslation(r.labelKey()))
                    .collect(Collectors.joining(getTranslation("common.list-separator")));
            facts.add(new Div(new Span(user.displayName())));
            if (user.unitName() != null) {
                facts.add(new Div(new Span(user.unitName())));
            }
            facts.add(new Div(new Span(roles)));
            sub.addItem(facts).setEnabled(false);
        }
        sub.addItem(getTranslation("shell.password"), e -> UI.getCurrent().navigate("account/password"));
        boolean english = Languages.ENGLISH.equals(Languages.supported(getLocale()));
        sub.addItem(getTranslation(english ? "shell.lang.zh" : "shell.lang.en"),
                e -> LocaleSwitch.switchTo(english ? Languages.CHINESE : Languages.ENGLISH));
        sub.addItem(getTranslation("shell.logout"), e -> auth.logout());
        return bar;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        nav.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String title = entry.title() != null && entry.title().startsWith("menu.") ? getTranslation(entry.title())
                    : entry.title();
            SideNavItem item = new SideNavItem(title, entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        bell.refresh();
    }

    @Override
    protected void afterNavigation() {
        super.afterNavigation();
        if (isOverlay()) {
            setDrawerOpened(false);
        }
    }

    /** The bell is also the way for other code in the UI to ask for a fresh unread count. */
    public void refreshNotices() {
        bell.refresh();
    }
}
