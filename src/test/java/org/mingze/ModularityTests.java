package org.mingze;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MingzeApplication.class);

    @Test
    void modules_depend_only_downwards_and_reach_no_internals_of_others() {
        modules.verify();
    }

    @Test
    void module_diagram_is_written_for_the_docs() {
        new Documenter(modules, "target/modulith-docs").writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
