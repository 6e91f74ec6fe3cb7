package dev.emcc;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of design.md: JavaFX only in the UI, a model that depends on nothing of ours. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.emcc");
  }

  @Test
  void onlyTheUiUsesJavaFx() {
    noClasses().that().resideOutsideOfPackage("dev.emcc.ui..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..")
        .because("the core runs headless; JavaFX belongs to dev.emcc.ui")
        .check(classes);
  }

  @Test
  void modelDependsOnNoOtherPackageOfOurs() {
    selfContained("dev.emcc.model").because("the model is the shared vocabulary").check(classes);
  }

  @Test
  void schemaDependsOnlyOnTheModel() {
    noClasses().that().resideInAPackage("dev.emcc.schema..")
        .should().dependOnClassesThat(resideInAPackage("dev.emcc..")
            .and(resideOutsideOfPackage("dev.emcc.schema.."))
            .and(resideOutsideOfPackage("dev.emcc.model..")))
        .because("the schema describes the windows once for the console, the rules, the CLI and the node")
        .check(classes);
  }

  @Test
  void theSelfContainmentRuleCatchesAViolation() {
    // The rules package uses the model and the catalog: the same rule applied to it must fail.
    assertThat(selfContained("dev.emcc.rules").evaluate(classes).hasViolation()).isTrue();
  }

  private static ArchRule selfContained(String pkg) {
    return noClasses().that().resideInAPackage(pkg + "..")
        .should().dependOnClassesThat(resideInAPackage("dev.emcc..").and(resideOutsideOfPackage(pkg + "..")));
  }
}
