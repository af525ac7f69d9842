package org.mingze.quiz.exam;

import java.util.List;
import java.util.Optional;
import org.mingze.base.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Papers (试卷) for organisers: fixed (chosen questions, versions pinned) or drawn by sections. Organisers manage the
 * papers of units in their scope, administrators all; auditors read. Learners never get a paper (they get
 * {@link AttemptView}s). Every change is in the audit log (PAPER_CREATE, PAPER_UPDATE).
 */
@Service
@Transactional(readOnly = true)
public class PaperService {

    static final String MANAGE = "hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')";
    static final String READ = "hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "','" + Roles.AUDITOR + "')";

    /**
     * Saves a new paper owned by a unit. Fixed: each question must exist and be in use (its current version is
     * pinned); drawn: each section must be fillable, after earlier sections took their questions.
     * <p>Who: organisers of the unit's scope, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException the unit is outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException bad title, no questions, unknown or retired question,
     *         bad points, or a section that cannot be filled (the Chinese message names the section and how many
     *         questions fit it)
     */
    @PreAuthorize(MANAGE)
    @Transactional
    public Paper create(long ownerUnitId, PaperDraft draft) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * Changes a paper (a fixed paper re-pins the current versions of its questions).
     * <p>Who: organisers of the paper's unit, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException the paper is outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException as {@link #create}, or the paper is used by a test that
     *         has attempts (exam.paper.error.in-use), or it does not exist
     */
    @PreAuthorize(MANAGE)
    @Transactional
    public Paper update(long paperId, PaperDraft draft) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * A paper, if the caller may read it (empty when unknown or outside their scope).
     * <p>Who: organisers (their scope), administrators, auditors. Throws nothing else.
     */
    @PreAuthorize(READ)
    public Optional<Paper> get(long paperId) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * The papers the caller may read, newest first.
     * <p>Who: organisers (their scope), administrators, auditors.
     */
    @PreAuthorize(READ)
    public List<PaperRow> list() {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }

    /**
     * How many questions in use fit a section on its own (for the form, before saving).
     * <p>Who: organisers, administrators. Throws nothing for odd filters (they match nothing).
     */
    @PreAuthorize(MANAGE)
    public long available(DrawSection section) {
        throw new UnsupportedOperationException("exam API: not implemented yet");
    }
}
