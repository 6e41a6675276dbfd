package io.gridshift.openadr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.w3c.dom.Node;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/**
 * Compares two XML documents the way a peer would read them: whitespace between elements, comments,
 * namespace prefixes and declarations do not count; names, order and text do.
 */
public final class XmlCompare {
    private XmlCompare() {}

    public static void assertSimilar(String expected, String actual) {
        assertSimilar(expected, actual, node -> true);
    }

    /** Compares only the nodes {@code compared} accepts (with their subtrees). */
    public static void assertSimilar(String expected, String actual, Predicate<Node> compared) {
        Diff diff =
                DiffBuilder.compare(expected)
                        .withTest(actual)
                        .ignoreWhitespace()
                        .ignoreComments()
                        .checkForSimilar()
                        .withNodeFilter(compared::test)
                        .build();
        assertThat(diff.hasDifferences())
                .as("differences: %s%nin written document:%n%s", diff, actual)
                .isFalse();
    }
}
