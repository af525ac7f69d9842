package org.mingze.review.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import jakarta.annotation.security.PermitAll;
import org.mingze.base.time.BureauZone;
import org.mingze.base.validation.ValidationException;
import org.mingze.review.ResultSheet;
import org.mingze.review.SheetService;
import org.mingze.review.internal.SheetHtml;
import org.springframework.security.access.AccessDeniedException;

/**
 * A candidate's printable result sheet: the candidate's own, or any of a batch the organiser or auditor may read;
 * anything else shows "not found". The print button prints just the sheet (print styles in the theme).
 */
@Route("review/sheet")
@PermitAll
class ReviewSheetView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final SheetService sheets;

    ReviewSheetView(SheetService sheets) {
        this.sheets = sheets;
        addClassName("mingze-review-sheet");
    }

    @Override
    public void setParameter(BeforeEvent event, Long candidateId) {
        removeAll();
        ResultSheet s;
        try {
            s = sheets.sheet(candidateId);
        } catch (ValidationException | AccessDeniedException e) {
            add(new Paragraph(getTranslation("review.error.missing")));
            return;
        }
        Button print = new Button(getTranslation("review.sheet.print"),
                e -> UI.getCurrent().getPage().executeJs("window.print()"));
        String base = base();
        java.util.Locale locale = UI.getCurrent().getLocale();
        String file = getTranslation("review.sheet.pdf-file", s.name()) + ".pdf";
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(e -> {
            try {
                byte[] bytes = sheets.sheetPdf(candidateId, base, locale);
                return new DownloadResponse(new ByteArrayInputStream(bytes), file, "application/pdf", bytes.length);
            } catch (ValidationException | AccessDeniedException ex) {
                return DownloadResponse.error(404);
            }
        }), "");
        pdf.setTarget(AnchorTarget.BLANK);
        Button pdfButton = new Button(getTranslation("review.sheet.pdf"), VaadinIcon.DOWNLOAD.create());
        pdfButton.setTabIndex(-1);
        pdf.add(pdfButton);
        pdf.addClassName("mingze-sheet-pdf");
        HorizontalLayout actions = new HorizontalLayout(print, pdf);
        actions.addClassName("mingze-no-print");
        String url = base + "/verify/" + s.code();
        add(actions, new Html(SheetHtml.render(s, url, (k, a) -> getTranslation(k, a == null ? new Object[0] : a),
                BureauZone.get())));
    }

    private static String base() {
        VaadinRequest r = VaadinRequest.getCurrent();
        if (r instanceof com.vaadin.flow.server.VaadinServletRequest sr) {
            var h = sr.getHttpServletRequest();
            int port = h.getServerPort();
            boolean plain = "http".equals(h.getScheme()) && port == 80 || "https".equals(h.getScheme()) && port == 443;
            return h.getScheme() + "://" + h.getServerName() + (plain ? "" : ":" + port) + h.getContextPath();
        }
        return "";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.sheet.title");
    }
}
