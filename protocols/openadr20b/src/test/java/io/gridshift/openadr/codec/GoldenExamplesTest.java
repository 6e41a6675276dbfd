package io.gridshift.openadr.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.openadr.XmlCompare;
import io.gridshift.openadr.examples.OadrExamples;
import io.gridshift.openadr.message.OadrMessages;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openadr.oadr20b.OadrPayload;
import org.openadr.oadr20b.OadrSignedObject;

/** Every golden example is valid, and survives read → write unchanged. */
class GoldenExamplesTest {
    private static final OadrCodec CODEC = new OadrCodec();
    private static final OadrCodec PRETTY =
            new OadrCodec(OadrCodecOptions.DEFAULTS.withPrettyPrint(true));

    static Stream<String> examples() {
        return OadrExamples.names().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void readsValidatesAndWritesBackTheSameDocument(String name) {
        String original = new String(OadrExamples.bytes(name), StandardCharsets.UTF_8);

        OadrPayload payload = CODEC.readPayload(OadrExamples.bytes(name));
        String written = CODEC.writeString(payload);

        XmlCompare.assertSimilar(original, written);
        XmlCompare.assertSimilar(
                original, new String(PRETTY.write(payload), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void fileNameStartsWithTheMessageItCarries(String name) {
        OadrPayload payload = CODEC.readPayload(OadrExamples.bytes(name));

        String message = OadrMessages.name(payload.getOadrSignedObject());

        assertThat(name).matches(message + "(-[a-z0-9-]+)?\\.xml");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void bareSignedObjectRoundTripsToo(String name) {
        OadrSignedObject signed = CODEC.readPayload(OadrExamples.bytes(name)).getOadrSignedObject();

        byte[] bare = CODEC.write(signed);
        OadrSignedObject again = CODEC.readSignedObject(bare);

        assertThat(new String(bare, StandardCharsets.UTF_8)).contains("<oadr:oadrSignedObject");
        assertThat(CODEC.write(OadrCodec.wrap(again)))
                .isEqualTo(CODEC.write(OadrCodec.wrap(signed)));
    }

    @Test
    void everyMessageTheVenAndVtnExchangeHasAnExample() {
        List<String> carried =
                OadrExamples.names().stream()
                        .map(n -> CODEC.readPayload(OadrExamples.bytes(n)).getOadrSignedObject())
                        .map(OadrMessages::name)
                        .distinct()
                        .toList();

        assertThat(carried).containsExactlyInAnyOrderElementsOf(OadrMessages.NAMES);
    }

    @Test
    void indexListsEveryFileInTheFolder() throws IOException, URISyntaxException {
        URL folder = OadrExamples.class.getResource(OadrExamples.FOLDER);
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of(folder.toURI()))) {
            files =
                    list.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".xml"))
                            .toList();
        }

        assertThat(OadrExamples.names()).containsExactlyInAnyOrderElementsOf(files);
    }
}
