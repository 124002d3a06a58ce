package com.salescopilot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.salescopilot.SalesCopilotApplication;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.web.bind.annotation.RestController;

/** The module rules of docs/decisions/0001: checked on every build. */
class ModuleRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.salescopilot");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypesAndAllowedDependencies() {
        ApplicationModules.of(SalesCopilotApplication.class).verify();
    }

    @Test
    void viewsNeverTouchRepositories() {
        noClasses().that().areAssignableTo(Component.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("views go through the module's service")
                .check(CLASSES);
    }

    @Test
    void controllersNeverTouchRepositories() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("the API uses the same services as the UI")
                .check(CLASSES);
    }

    @Test
    void routesLiveInUiPackagesAndArePackagePrivateWhereTheyCanBe() {
        classes().that().areAnnotatedWith(Route.class)
                .should().resideInAPackage("..ui..")
                .check(CLASSES);
    }

    @Test
    void repositoriesLiveInDomainPackages() {
        classes().that().areAssignableTo(Repository.class).and().areInterfaces()
                .should().resideInAPackage("..domain..")
                .check(CLASSES);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(CLASSES);
    }
}
