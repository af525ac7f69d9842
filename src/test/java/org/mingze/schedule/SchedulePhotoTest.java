package org.mingze.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.security.Role;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.LibraryTest;
import org.mingze.library.MutableClock;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.mingze.schedule.internal.PhotoFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Photos of a held session: images only, by content; thumbnails; files under the data folder; who may fetch. */
@MingzeTest
@LibraryTest
class SchedulePhotoTest {

    static final LocalDateTime START = LocalDateTime.of(2026, 12, 4, 14, 30);

    @Autowired
    ScheduleService schedule;
    @Autowired
    AttendanceService attendance;
    @Autowired
    PhotoService photos;
    @Autowired
    PhotoFiles files;
    @Autowired
    AuditLog audit;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;

    Unit branch;
    Account secretary;
    Account alice;
    long session;

    @BeforeEach
    void setUp() {
        at(LocalDateTime.of(2026, 11, 28, 9, 0));
        branch = data.branch();
        secretary = data.account(branch, Role.ORGANIZER);
        alice = data.account(branch, Role.LEARNER);
        data.signIn(secretary.getUsername());
        session = schedule.save(SessionDraft.of(branch.getId(), SessionType.THEME_DAY, "十二月主题党日", START))
                .session().id();
        at(START.plusHours(2));
        attendance.close(session);
        // the data folder outlives the in-memory database: an earlier run may have used this session id
        org.springframework.util.FileSystemUtils.deleteRecursively(files.folder(session).toFile());
    }

    @AfterEach
    void tearDown() {
        data.signOut();
        clock.reset();
    }

    void at(LocalDateTime t) {
        clock.set(t.atZone(clock.getZone()).toInstant());
    }

    static byte[] image(String format, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(img, format, out)).isTrue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    PhotoRow upload(String name, byte[] bytes) {
        return photos.upload(session, name, new ByteArrayInputStream(bytes));
    }

    List<Path> storedFiles() throws IOException {
        Path dir = files.folder(session);
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    static String keyOf(Throwable e) {
        return ((ValidationException) e).problems().get(0).key();
    }

    @Test
    void a_png_and_a_jpeg_are_stored_as_files_under_the_data_folder_with_a_320_px_jpeg_thumbnail() throws IOException {
        PhotoRow png = upload("合影.png", image("png", 800, 600));
        PhotoRow jpg = upload("现场.jpg", image("jpeg", 200, 100));

        assertThat(png.format()).isEqualTo("png");
        assertThat(png.width()).isEqualTo(800);
        assertThat(png.height()).isEqualTo(600);
        assertThat(jpg.format()).isEqualTo("jpeg");
        assertThat(storedFiles()).hasSize(4).allSatisfy(p ->
                assertThat(p.toAbsolutePath().toString()).contains("test-data/schedule/photos/" + session));
        assertThat(schedule.detail(session).photos()).extracting(PhotoRow::originalName)
                .containsExactly("合影.png", "现场.jpg");

        PhotoService.PhotoData thumb = photos.thumbnail(png.id());
        assertThat(thumb.contentType()).isEqualTo("image/jpeg");
        BufferedImage t = ImageIO.read(new ByteArrayInputStream(thumb.bytes()));
        assertThat(t.getWidth()).isEqualTo(320);
        assertThat(t.getHeight()).isEqualTo(240);
        assertThat(ImageIO.read(new ByteArrayInputStream(photos.thumbnail(jpg.id()).bytes())).getWidth())
                .as("a narrow image is not enlarged").isEqualTo(200);
        assertThat(photos.image(png.id()).bytes()).isEqualTo(image("png", 800, 600));
        assertThat(photos.image(png.id()).contentType()).isEqualTo("image/png");
    }

    @Test
    void a_text_file_renamed_jpg_or_a_fake_jpeg_header_is_refused_and_nothing_is_stored() throws IOException {
        assertThatThrownBy(() -> upload("照片.jpg", "这不是图片".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("schedule.error.photo-type"));
        byte[] fake = new byte[2000];
        fake[0] = (byte) 0xFF;
        fake[1] = (byte) 0xD8;
        fake[2] = (byte) 0xFF;
        assertThatThrownBy(() -> upload("fake.jpg", fake)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("schedule.error.photo-type"));
        assertThatThrownBy(() -> upload("anim.gif", image("gif", 10, 10))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("schedule.error.photo-type"));

        assertThat(storedFiles()).isEmpty();
        assertThat(schedule.detail(session).photos()).isEmpty();
    }

    @Test
    void photos_only_on_held_sessions_at_most_ten_megabytes_and_thirty_per_session() {
        data.signIn(secretary.getUsername());
        at(LocalDateTime.of(2026, 11, 28, 9, 0));
        long planned = schedule.save(SessionDraft.of(branch.getId(), SessionType.PARTY_LECTURE, "党课",
                START.plusDays(7))).session().id();
        assertThatThrownBy(() -> photos.upload(planned, "a.png", new ByteArrayInputStream(image("png", 10, 10))))
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("schedule.error.photo-held"));

        byte[] big = new byte[(int) PhotoService.MAX_BYTES + 1];
        System.arraycopy(image("png", 10, 10), 0, big, 0, 8);
        assertThatThrownBy(() -> upload("big.png", big))
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("schedule.error.photo-big"));

        byte[] small = image("jpeg", 40, 30);
        for (int i = 0; i < PhotoService.MAX_PHOTOS; i++) {
            upload("p" + i + ".jpg", small);
        }
        assertThatThrownBy(() -> upload("one-more.jpg", small))
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("schedule.error.photo-count"));
        assertThat(schedule.detail(session).photos()).hasSize(PhotoService.MAX_PHOTOS);
    }

    @Test
    void a_learner_of_another_unit_cannot_fetch_a_photo_but_an_attendee_and_an_auditor_can() {
        PhotoRow p = upload("合影.png", image("png", 64, 48));
        Unit other = data.branch();
        Account stranger = data.account(other, Role.LEARNER);
        Account otherOrganiser = data.account(other, Role.ORGANIZER);
        Account auditor = data.account(data.committee(), Role.AUDITOR);

        data.signIn(stranger.getUsername());
        assertThatThrownBy(() -> photos.image(p.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> photos.thumbnail(p.id())).isInstanceOf(AccessDeniedException.class);
        data.signIn(otherOrganiser.getUsername());
        assertThatThrownBy(() -> photos.image(p.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> photos.delete(p.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> upload("x.png", image("png", 10, 10))).isInstanceOf(AccessDeniedException.class);

        data.signIn(alice.getUsername());
        assertThat(photos.thumbnail(p.id()).bytes()).isNotEmpty();
        assertThatThrownBy(() -> photos.delete(p.id())).isInstanceOf(AccessDeniedException.class);
        data.signIn(auditor.getUsername());
        assertThat(photos.image(p.id()).bytes()).isNotEmpty();
    }

    @Test
    void deleting_a_photo_removes_its_files_and_upload_and_delete_are_audited() throws IOException {
        long before = audited();
        PhotoRow p = upload("合影.png", image("png", 64, 48));
        assertThat(storedFiles()).hasSize(2);
        photos.delete(p.id());
        assertThat(storedFiles()).isEmpty();
        assertThat(schedule.detail(session).photos()).isEmpty();
        assertThat(audited() - before).isEqualTo(2);
        assertThatThrownBy(() -> photos.image(p.id())).isInstanceOf(AccessDeniedException.class);
    }

    long audited() {
        var current = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        data.signIn("admin");
        try {
            return audit.count(new AuditQuery(null, "SCHEDULE_PHOTO_UPLOAD", "session", String.valueOf(session), null,
                    null)) + audit.count(new AuditQuery(null, "SCHEDULE_PHOTO_DELETE", "session",
                    String.valueOf(session), null, null));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(current);
        }
    }
}
