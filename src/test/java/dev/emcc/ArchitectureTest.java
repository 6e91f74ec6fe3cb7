package dev.emcc;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.emcc.store.WorkspaceStore;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules (docs/architecture.md): JavaFX only in the UI and not in view models, a model that
 * depends on nothing of ours, a schema on the model only, sync talking to a node only over the wire,
 * AXL on the schema, model, format and certs only, ui packages without cycles, the workspace store
 * written through the edit service only.
 */
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
  void syncDoesNotDependOnTheNode() {
    noClasses().that().resideInAPackage("dev.emcc.sync..")
        .should().dependOnClassesThat().resideInAPackage("dev.emcc.node..")
        .because("a console talks to a node over the wire (dev.emcc.wire), not through the server's classes")
        .check(classes);
  }

  @Test
  void theWireDependsOnlyOnTheModelAndTheFormat() {
    noClasses().that().resideInAPackage("dev.emcc.wire..")
        .should().dependOnClassesThat(resideInAPackage("dev.emcc..")
            .and(resideOutsideOfPackage("dev.emcc.wire.."))
            .and(resideOutsideOfPackage("dev.emcc.model.."))
            .and(resideOutsideOfPackage("dev.emcc.format..")))
        .because("a node and a console share the wire: neither side's classes belong in it")
        .check(classes);
  }

  @Test
  void axlDependsOnlyOnTheSchemaModelFormatAndCerts() {
    noClasses().that().resideInAPackage("dev.emcc.axl..")
        .should().dependOnClassesThat(resideInAPackage("dev.emcc..")
            .and(resideOutsideOfPackage("dev.emcc.axl.."))
            .and(resideOutsideOfPackage("dev.emcc.schema.."))
            .and(resideOutsideOfPackage("dev.emcc.model.."))
            .and(resideOutsideOfPackage("dev.emcc.format.."))
            .and(resideOutsideOfPackage("dev.emcc.certs..")))
        .because("the AXL client, codec and mapping serve the CLI, the console and the node alike")
        .check(classes);
  }

  @Test
  void theUiPackagesHaveNoCycles() {
    slices().assignedFrom(UI_PACKAGES).should().beFreeOfCycles()
        .because("each ui package builds on the ones below it; dev.emcc.ui.app assembles them")
        .check(classes);
  }

  @Test
  void viewModelsArePlainJava() {
    noClasses().that().resideInAPackage("dev.emcc.ui.*..").and().haveSimpleNameEndingWith("Model")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..")
        .because("a view's model (state, plans, jobs) is tested without a screen; its view binds to it")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void onlyTheEditServiceWritesTheWorkspaceStore() {
    storeWritesOutside(EDIT_PATH.or(NODE_AND_BENCH)).check(classes);
  }

  @Test
  void theStoreWriteRuleCatchesAWriterBesideTheEditService() {
    // the node's persistence writes its own database through the store: without its exemption the rule fails
    assertThat(storeWritesOutside(EDIT_PATH).evaluate(classes).hasViolation()).isTrue();
  }

  /** The store's methods that change the workspace database (the rest only read it). */
  private static final Set<String> STORE_WRITES =
      Set.of("save", "saveObject", "saveObjects", "deleteObject", "undo", "undoLatest", "undoLast", "openDefault");

  private static final DescribedPredicate<JavaClass> EDIT_PATH =
      resideInAPackage("dev.emcc.edit..").or(resideInAPackage("dev.emcc.store.."));

  /**
   * A node keeps its own database (one cluster's objects, written per request batch after its own
   * checks), not a console's workspace; the store bench measures the store's save itself.
   */
  private static final DescribedPredicate<JavaClass> NODE_AND_BENCH = DescribedPredicate.describe(
      "the node's persistence or the store bench", c -> Set.of("dev.emcc.node.StoreNodePersistence",
          "dev.emcc.bench.StoreBench").contains(c.getName().replaceAll("\\$.*", "")));

  private static ArchRule storeWritesOutside(DescribedPredicate<JavaClass> allowed) {
    DescribedPredicate<JavaMethodCall> storeWrite = DescribedPredicate.describe("a write method of WorkspaceStore",
        call -> call.getTargetOwner().isEquivalentTo(WorkspaceStore.class) && STORE_WRITES.contains(call.getName()));
    return noClasses().that(DescribedPredicate.not(allowed))
        .should().callMethodWhere(storeWrite)
        .because("every change of a workspace goes through the edit service (dev.emcc.edit): checked, saved in "
            + "one transaction, recorded in the history that undo walks back");
  }

  /** Each ui package a slice: dev.emcc.ui itself, and each dev.emcc.ui.X with what is under it. */
  private static final SliceAssignment UI_PACKAGES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      String p = c.getPackageName();
      if (p.equals("dev.emcc.ui")) {
        return SliceIdentifier.of("ui");
      }
      if (p.startsWith("dev.emcc.ui.")) {
        return SliceIdentifier.of("ui." + p.substring("dev.emcc.ui.".length()).split("\\.")[0]);
      }
      return SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the ui packages";
    }
  };

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
