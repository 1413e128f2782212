package dev.argus.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The contracts fail for extensions that break the rules they check: each extension in
 * {@link BrokenExtensions} breaks some rules, and exactly the tests for those rules fail.
 */
class ContractsCatchBrokenExtensionsTest {

    @Test
    void theEvaluatorContractCatchesABrokenEvaluator() {
        assertEquals(Set.of("detailsHoldOnlyJsonValues", "scoresAreFiniteNumbersFromZeroToOne",
                        "inputMissingARequirementIsRefusedWithIllegalArgumentException",
                        "anEmptyAnswerIsScoredOrRefusedWithIllegalArgumentException",
                        "perCallSettingsTakeThePlaceOfTheInitSettings", "idIsLowerCaseWordsJoinedByDashesOrUnderscores"),
                failed(BrokenExtensions.BrokenEvaluatorContract.class));
    }

    @Test
    void theExporterContractCatchesABrokenExporter() {
        assertEquals(Set.of("leavesTheOutputOpen", "writesWhileTheHostIsStillReading",
                        "aFailingOutputIsReportedAsIOException", "fileExtensionIsGivenWithoutTheDot"),
                failed(BrokenExtensions.BrokenExporterContract.class));
    }

    @Test
    void theAlertChannelContractCatchesABrokenChannel() {
        assertEquals(Set.of("reportsARefusalWithoutRetrying", "reportsAnUnreachableReceiverWithoutThrowing",
                        "detailsNameNeitherTheUrlPathNorASecret", "hostCanCreateItThroughAPublicNoArgumentConstructor"),
                failed(BrokenExtensions.BrokenChannelContract.class));
    }

    @Test
    void theContractsPassForWellBehavedExtensions() {
        assertEquals(Set.of(), failed(BrokenExtensions.GoodEvaluatorContract.class));
    }

    private static Set<String> failed(Class<?> contract) {
        Set<String> names = new TreeSet<>();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents().failed().stream()
                .map(Event::getTestDescriptor).forEach(d -> names.add(d.getDisplayName().replace("()", "")));
        return names;
    }
}
