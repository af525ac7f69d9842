package org.mingze.schedule.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.mingze.base.ui.UploadTexts;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.schedule.PhotoRow;
import org.mingze.schedule.PhotoService;
import org.mingze.schedule.SessionDetail;
import org.mingze.schedule.SessionStatus;
import org.springframework.security.access.AccessDeniedException;

/**
 * The photos of a session: thumbnails that open the full image, served by {@link PhotoService} (which checks who
 * may read the session on every request); for the session's organisers an upload (held sessions only) and delete.
 */
class SessionPhotos extends Div {

    private final PhotoService photos;
    private final Runnable reload;

    SessionPhotos(PhotoService photos, SessionDetail detail, boolean editable, Runnable reload) {
        this.photos = photos;
        this.reload = reload;
        addClassName("mingze-session-photos");
        List<PhotoRow> rows = detail.photos();
        boolean held = detail.card().status() == SessionStatus.HELD;
        if (rows.isEmpty() && !(editable && held)) {
            if (editable && detail.card().status() == SessionStatus.PLANNED) {
                Paragraph later = new Paragraph(getTranslation("schedule.photo.held-only"));
                later.addClassName("mingze-note");
                add(later);
            }
            return;
        }
        add(new H3(getTranslation("schedule.photo.title", rows.size(), PhotoService.MAX_PHOTOS)));
        if (editable && held) {
            String formats = String.join("、", photos.formats().stream().map(f -> f.toUpperCase(Locale.ROOT)).toList());
            Paragraph intro = new Paragraph(getTranslation("schedule.photo.intro", PhotoService.MAX_MB,
                    PhotoService.MAX_PHOTOS, formats));
            intro.addClassName("mingze-note");
            add(intro, upload(detail.card().id(), formats));
        }
        Div grid = new Div();
        grid.addClassName("mingze-photo-grid");
        for (PhotoRow p : rows) {
            Image thumb = new Image(handler(p.id(), photos::thumbnail), getTranslation("schedule.photo.alt",
                    p.originalName()));
            thumb.addClassName("mingze-photo-thumb");
            Anchor open = new Anchor(handler(p.id(), photos::image), "");
            open.setTarget(AnchorTarget.BLANK);
            open.add(thumb);
            Div cell = new Div(open);
            cell.addClassName("mingze-photo");
            if (editable) {
                Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(p));
                delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                delete.setAriaLabel(getTranslation("schedule.photo.delete"));
                delete.addClassName("mingze-photo-delete");
                delete.addClassName("mingze-no-print");
                cell.add(delete);
            }
            grid.add(cell);
        }
        if (rows.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("schedule.photo.none"));
            none.addClassName("mingze-note");
            add(none);
        }
        add(grid);
    }

    private static DownloadHandler handler(long id, LongFunction<PhotoService.PhotoData> fetch) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                PhotoService.PhotoData d = fetch.apply(id);
                return new DownloadResponse(new ByteArrayInputStream(d.bytes()), d.fileName(), d.contentType(),
                        d.bytes().length);
            } catch (AccessDeniedException | ValidationException e) {
                return DownloadResponse.error(404);
            }
        });
    }

    private Upload upload(long sessionId, String formats) {
        Upload upload = new Upload();
        upload.addClassName("mingze-photo-upload");
        upload.addClassName("mingze-no-print");
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
        upload.setMaxFileSize((int) PhotoService.MAX_BYTES);
        upload.setMaxFiles(10);
        upload.setI18n(UploadTexts.of(this, getTranslation("schedule.photo.drop"),
                getTranslation("schedule.photo.button"), getTranslation("schedule.photo.too-many", 10),
                getTranslation("schedule.photo.too-big", PhotoService.MAX_MB),
                getTranslation("schedule.photo.wrong-type", formats)));
        upload.setUploadHandler((UploadHandler) event -> {
            byte[] data;
            try (InputStream in = event.getInputStream()) {
                data = in.readNBytes((int) PhotoService.MAX_BYTES + 1);
            }
            String fileName = event.getFileName();
            event.getUI().access(() -> received(sessionId, fileName, data));
        });
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        upload.addAllFinishedListener(e -> reload.run());
        return upload;
    }

    /** Stores one uploaded file; on refusal says why (nothing is stored). */
    void received(long sessionId, String fileName, byte[] data) {
        try {
            photos.upload(sessionId, fileName, new ByteArrayInputStream(data));
            Notification.show(getTranslation("schedule.photo.uploaded", fileName), 3000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException ex) {
            for (Problem p : ex.problems()) {
                error(getTranslation(p.key(), p.args().toArray()));
            }
        }
    }

    private void confirmDelete(PhotoRow p) {
        ConfirmDialog d = new ConfirmDialog(getTranslation("schedule.photo.delete"),
                getTranslation("schedule.photo.delete-confirm", p.originalName()), getTranslation("schedule.photo.delete"),
                e -> {
                    try {
                        photos.delete(p.id());
                        Notification.show(getTranslation("schedule.photo.deleted"), 3000,
                                Notification.Position.BOTTOM_START);
                    } catch (ValidationException ex) {
                        ex.problems().forEach(x -> error(getTranslation(x.key(), x.args().toArray())));
                    }
                    reload.run();
                });
        d.setConfirmButtonTheme("error primary");
        d.setCancelable(true);
        d.setCancelText(getTranslation("common.cancel"));
        d.open();
    }

    private static void error(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
