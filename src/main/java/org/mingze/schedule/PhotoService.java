package org.mingze.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.OrgService;
import org.mingze.schedule.internal.PhotoFiles;
import org.mingze.schedule.internal.SessionStore;
import org.mingze.schedule.internal.SessionStore.Session;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of a held session (会议照片): organisers of its unit upload images only (recognised by their content, at
 * most {@value #MAX_MB} MB each and {@value #MAX_PHOTOS} per session) and delete them, both audited; whoever may read
 * the session (as {@link ScheduleService#detail}) may fetch the images and thumbnails. Files live under the data
 * folder, never in the database.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class PhotoService {

    public static final int MAX_MB = 10;
    public static final long MAX_BYTES = MAX_MB * 1024L * 1024L;
    public static final int MAX_PHOTOS = 30;
    /** 50 megapixels: more is refused before decoding (a small file can claim a huge image). */
    public static final long MAX_PIXELS = 50_000_000L;

    /** An image's bytes with what a browser needs. */
    public record PhotoData(String contentType, String fileName, byte[] bytes) {
    }

    private final SessionStore store;
    private final PhotoFiles files;
    private final OrgService org;
    private final AuditLog audit;
    private final Clock clock;

    PhotoService(SessionStore store, PhotoFiles files, OrgService org, AuditLog audit, Clock clock) {
        this.store = store;
        this.files = files;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
    }

    /** The image formats accepted here (jpeg, png; webp only when an ImageIO reader for it is installed). */
    public List<String> formats() {
        return PhotoFiles.formats();
    }

    /**
     * Stores a photo of a held session with its thumbnail.
     *
     * @throws ValidationException not held, 30 photos already, too big, or not a JPEG/PNG(/WebP) image by content;
     *                             nothing is stored then
     * @throws AccessDeniedException the session's unit is outside the organiser's scope
     */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    @Transactional
    public PhotoRow upload(long sessionId, String fileName, InputStream content) {
        Session s = store.sessionForUpdate(sessionId).orElseThrow(() -> new AccessDeniedException("session"));
        org.requireManage(s.unitId());
        if (s.status() != SessionStatus.HELD) {
            throw new ValidationException(Problem.of("photo", "schedule.error.photo-held"));
        }
        if (store.countPhotos(sessionId) >= MAX_PHOTOS) {
            throw new ValidationException(Problem.of("photo", "schedule.error.photo-count", MAX_PHOTOS));
        }
        String name = cleanName(fileName);
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ValidationException(Problem.of("photo", "schedule.error.photo-big", MAX_MB));
        }
        PhotoFiles.Decoded image;
        try {
            image = files.decode(bytes, MAX_PIXELS);
        } catch (PhotoFiles.Refused r) {
            throw new ValidationException(switch (r.reason()) {
                case TOO_MANY_PIXELS -> Problem.of("photo", "schedule.error.photo-pixels", MAX_PIXELS / 10_000);
                case WEBP_UNSUPPORTED -> Problem.of("photo", "schedule.error.photo-webp", name);
                case NOT_AN_IMAGE -> Problem.of("photo", "schedule.error.photo-type", name);
            });
        }
        byte[] thumb = PhotoFiles.thumbnail(image.image());
        String stored = files.write(sessionId, image.format(), bytes, thumb);
        Instant now = clock.instant();
        long id;
        try {
            id = store.insertPhoto(sessionId, stored, name, image.format(), bytes.length, image.width(),
                    image.height(), CurrentUser.actor(), now);
        } catch (RuntimeException e) {
            files.delete(sessionId, stored);
            throw e;
        }
        audit.record("SCHEDULE_PHOTO_UPLOAD", "session", sessionId, name + " (" + image.format() + ", "
                + image.width() + "×" + image.height() + ", " + bytes.length + " B, photo " + id + ")");
        return store.photo(id).orElseThrow().row();
    }

    /** The photo as uploaded; for whoever may read its session. */
    public PhotoData image(long photoId) {
        SessionStore.Photo p = readable(photoId);
        return new PhotoData(switch (p.row().format()) {
            case "png" -> "image/png";
            case "webp" -> "image/webp";
            default -> "image/jpeg";
        }, p.row().originalName(), files.read(p.row().sessionId(), p.storedName(), false));
    }

    /** The photo's thumbnail (JPEG, {@value PhotoFiles#THUMB_WIDTH} px wide); for whoever may read its session. */
    public PhotoData thumbnail(long photoId) {
        SessionStore.Photo p = readable(photoId);
        return new PhotoData("image/jpeg", "thumb-" + photoId + ".jpg",
                files.read(p.row().sessionId(), p.storedName(), true));
    }

    /** Deletes a photo and its files; organisers of the session's unit; audited. */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    @Transactional
    public void delete(long photoId) {
        SessionStore.Photo p = store.photo(photoId)
                .orElseThrow(() -> new ValidationException(Problem.of("photo", "schedule.error.photo-missing")));
        Session s = store.session(p.row().sessionId()).orElseThrow();
        org.requireManage(s.unitId());
        store.deletePhoto(photoId);
        files.delete(s.id(), p.storedName());
        audit.record("SCHEDULE_PHOTO_DELETE", "session", s.id(), p.row().originalName() + " (photo " + photoId + ")");
    }

    private SessionStore.Photo readable(long photoId) {
        SessionStore.Photo p = store.photo(photoId).orElseThrow(() -> new AccessDeniedException("photo " + photoId));
        Session s = store.session(p.row().sessionId()).orElseThrow(() -> new AccessDeniedException("photo"));
        boolean readAll = org.canManage(s.unitId()) || CurrentUser.has(Role.AUDITOR) || CurrentUser.has(Role.ADMIN);
        Long me = CurrentUser.require().memberId();
        boolean expected = me != null && store.attendee(s.id(), me).isPresent();
        if (!readAll && !expected && !org.canRead(s.unitId())) {
            throw new AccessDeniedException("photo " + photoId);
        }
        return p;
    }

    private static String cleanName(String fileName) {
        String n = Objects.requireNonNullElse(fileName, "").replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (n.isEmpty()) {
            n = "photo";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
