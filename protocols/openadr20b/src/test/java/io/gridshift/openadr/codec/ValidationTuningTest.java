package io.gridshift.openadr.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.openadr.examples.OadrExamples;
import io.gridshift.openadr.message.OadrMessages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.glassfish.jaxb.runtime.v2.runtime.Coordinator;
import org.junit.jupiter.api.Test;
import org.openadr.oadr20b.OadrPayload;
import org.openadr.oadr20b.OadrPollType;

/** The options and shortcuts that make the codec faster keep every check they promise. */
class ValidationTuningTest {
    private static final String POLL =
            new String(OadrExamples.bytes("oadrPoll.xml"), StandardCharsets.UTF_8);
    private static final OadrCodec READS_ONLY =
            new OadrCodec(OadrCodecOptions.DEFAULTS.withValidateWrites(false));

    @Test
    void writesAreValidatedByDefaultAndByTheThreeArgumentConstructor() {
        assertThat(OadrCodecOptions.DEFAULTS.validateWrites()).isTrue();
        assertThat(new OadrCodecOptions(true, 1_048_576, false))
                .isEqualTo(OadrCodecOptions.DEFAULTS)
                .isEqualTo(OadrCodecOptions.DEFAULTS.withValidateWrites(true));
        assertThat(OadrCodecOptions.DEFAULTS.withValidateWrites(false))
                .isEqualTo(new OadrCodecOptions(true, 1_048_576, false, false));
    }

    @Test
    void withoutWriteValidationReadsAreStillValidated() {
        String unknownChild =
                POLL.replace("</ei:venID>", "</ei:venID><ei:surprise>1</ei:surprise>");

        assertThatThrownBy(() -> READS_ONLY.readPayload(unknownChild))
                .isInstanceOfSatisfying(
                        OadrCodecException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo("schema");
                            assertThat(e.getMessage()).contains("in element 'surprise'");
                        });
    }

    @Test
    void withoutWriteValidationAnInvalidObjectIsWrittenAsIs() {
        OadrPayload noVenId = OadrMessages.payload(new OadrPollType());

        assertThat(new String(READS_ONLY.write(noVenId), StandardCharsets.UTF_8))
                .contains("<oadr:oadrPoll/>");
        assertThatThrownBy(() -> new OadrCodec().write(noVenId))
                .isInstanceOfSatisfying(
                        OadrCodecException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL));
    }

    @Test
    void sameBytesWithOrWithoutWriteValidation() {
        for (String name : OadrExamples.names()) {
            OadrPayload payload = READS_ONLY.readPayload(OadrExamples.bytes(name));

            assertThat(READS_ONLY.write(payload))
                    .as(name)
                    .isEqualTo(new OadrCodec().write(payload));
        }
    }

    /**
     * The validating parser skips identity-constraint checking (see HardenedSax): safe only while
     * no schema of the set declares xs:key, xs:unique or xs:keyref.
     */
    @Test
    void schemasDeclareNoIdentityConstraints() throws IOException {
        Path folder = Path.of("src/main/resources/openadr20b/xsd");
        Pattern identity = Pattern.compile("<\\s*(?:\\w+:)?(?:key|keyref|unique)[\\s>/]");
        List<Path> schemas;
        try (Stream<Path> files = Files.list(folder)) {
            schemas = files.filter(p -> p.toString().endsWith(".xsd")).toList();
        }

        assertThat(schemas).hasSizeGreaterThanOrEqualTo(16);
        for (Path schema : schemas) {
            assertThat(identity.matcher(Files.readString(schema)).find())
                    .as(schema.getFileName().toString())
                    .isFalse();
        }
    }

    @Test
    void readsLeaveNoJaxbCoordinatorBehindOnTheThread() {
        OadrCodec codec = new OadrCodec();
        codec.readPayload(POLL);
        assertThat(Coordinator._getInstance()).isNull();

        assertThatThrownBy(() -> codec.readPayload(POLL.replace("</ei:venID>", "</ei:venId>")))
                .isInstanceOf(OadrCodecException.class);
        assertThat(Coordinator._getInstance()).isNull();
    }
}
