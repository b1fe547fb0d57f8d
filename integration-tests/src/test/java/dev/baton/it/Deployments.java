package dev.baton.it;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * The one deployment helper every integration test uses: the real EAR the build produced, optionally
 * with test classes added to its EJB module (in-container tests) and the test libraries to its lib/.
 */
public final class Deployments {

    private Deployments() {}

    /** The EAR exactly as built (black-box tests). */
    public static EnterpriseArchive baton() {
        File ear = new File(System.getProperty("baton.ear", "../ear/target/baton.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("build the EAR first: " + ear.getAbsolutePath());
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /** The EAR with {@code testClasses} (and the packages of helpers they name) inside its EJB module. */
    public static EnterpriseArchive batonWith(Class<?>... testClasses) {
        EnterpriseArchive ear = baton();
        JavaArchive ejb = ear.getAsType(JavaArchive.class, "ejb-module.jar");
        ejb.addClasses(testClasses);
        ejb.addClasses(InContainer.class);
        ear.addAsModule(ejb);
        ear.addAsLibraries(
                jarOf(org.assertj.core.api.Assertions.class),
                jarOf(org.awaitility.Awaitility.class),
                jarOf(org.hamcrest.Matcher.class));
        return ear;
    }

    private static File jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
