package io.gridshift.aggregator.ven;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/** The registration in a properties file, replaced atomically on each save. */
final class FileRegistrationStore implements RegistrationStore {
    private final Path file;
    private final URI vtnUrl;

    FileRegistrationStore(Path file, URI vtnUrl) {
        this.file = file;
        this.vtnUrl = vtnUrl;
    }

    @Override
    public Optional<VenRegistration.Registration> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String venId = p.getProperty("venID");
        String registrationId = p.getProperty("registrationID");
        if (venId == null || registrationId == null) {
            return Optional.empty();
        }
        return Optional.of(
                new VenRegistration.Registration(venId, registrationId, p.getProperty("vtnID")));
    }

    @Override
    public void save(VenRegistration.Registration r) {
        Properties p = new Properties();
        p.setProperty("venID", r.venId());
        p.setProperty("registrationID", r.registrationId());
        if (r.vtnId() != null) {
            p.setProperty("vtnID", r.vtnId());
        }
        p.setProperty("vtnUrl", vtnUrl.toString());
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "the OpenADR 2.0b registration of the Gridshift VEN");
            }
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the registration in " + file, e);
        }
    }

    @Override
    public void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot forget the registration in " + file, e);
        }
    }
}
