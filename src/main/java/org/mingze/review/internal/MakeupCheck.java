package org.mingze.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.MaterialSource;
import org.mingze.library.StudyService;
import org.springframework.stereotype.Component;

/**
 * The make-up study (补学) of a failed review test: for each tag answered wrong that has study materials, at least one
 * current material carrying the tag studied (read to the end, or its study check passed). A tag without materials
 * asks nothing. One material covering several tags counts for all of them.
 */
@Component
public class MakeupCheck {

    private final MaterialSource materials;
    private final StudyService study;

    MakeupCheck(MaterialSource materials, StudyService study) {
        this.materials = materials;
        this.study = study;
    }

    /** A tag of the make-up, the materials that would do, and whether one of them is studied. */
    public record TagTask(String tag, List<String> materialIds, List<String> titles, boolean done) {
    }

    public List<TagTask> tasks(long memberId, List<String> tags) {
        Set<String> studied = study.studiedMaterials(memberId);
        List<IndexableMaterial> all = materials.all().stream().filter(m -> !m.archived()).toList();
        List<TagTask> out = new ArrayList<>();
        for (String tag : tags) {
            List<IndexableMaterial> of = all.stream().filter(m -> m.tags().contains(tag)).toList();
            if (of.isEmpty()) {
                continue;
            }
            out.add(new TagTask(tag, of.stream().map(IndexableMaterial::id).toList(),
                    of.stream().map(IndexableMaterial::title).toList(),
                    of.stream().anyMatch(m -> studied.contains(m.id()))));
        }
        return out;
    }

    public boolean done(long memberId, List<String> tags) {
        return tasks(memberId, tags).stream().allMatch(TagTask::done);
    }
}
