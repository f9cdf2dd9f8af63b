package dev.doppel.server.it.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds plugin libraries for the tests from the compiled test classes: each jar holds one library class of
 * {@code dev.doppel.server.it.plugins} with its nested classes and, unless told otherwise, its
 * {@code META-INF/services/dev.doppel.plugin.PluginLibrary} file. The server loads a jar in a class loader that
 * sees only the plugin API, so the jar must hold every other class the plugin uses.
 */
final class PluginJars {
    private static final String SERVICES = "META-INF/services/dev.doppel.plugin.PluginLibrary";

    private PluginJars() {
    }

    /** Writes {@code dir/jarName} holding {@code library} (and its nested classes) and the services file. */
    static Path write(Path dir, String jarName, Class<?> library) throws IOException {
        return write(dir, jarName, library, true);
    }

    /** As {@link #write(Path, String, Class)}, with or without the services file. */
    static Path write(Path dir, String jarName, Class<?> library, boolean withServicesFile) throws IOException {
        Path jar = dir.resolve(jarName);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Path each : classFiles(library)) {
                String entry = classesRoot().relativize(each).toString().replace('\\', '/');
                out.putNextEntry(new JarEntry(entry));
                Files.copy(each, out);
                out.closeEntry();
            }
            if (withServicesFile) {
                out.putNextEntry(new JarEntry(SERVICES));
                write(out, library.getName() + "\n");
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Writes a file that has a jar's name but is not a jar. */
    static Path writeNotAJar(Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve(name), "this is a text file, not a plugin library\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The .class files of {@code library} and of every class nested in it (Outer$Inner, Outer$1). */
    private static List<Path> classFiles(Class<?> library) throws IOException {
        Path outer = classesRoot().resolve(library.getName().replace('.', '/') + ".class");
        String simple = library.getSimpleName();
        try (Stream<Path> siblings = Files.list(outer.getParent())) {
            return siblings.filter(each -> {
                String name = each.getFileName().toString();
                return name.equals(simple + ".class") || (name.startsWith(simple + "$") && name.endsWith(".class"));
            }).sorted().toList();
        }
    }

    /** target/test-classes, where the plugin classes were compiled to. */
    private static Path classesRoot() {
        try {
            return Path.of(PluginJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
