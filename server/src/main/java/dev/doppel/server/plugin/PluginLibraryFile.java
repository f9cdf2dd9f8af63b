package dev.doppel.server.plugin;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.plugin.PluginApi;
import dev.doppel.plugin.PluginDescriptor;
import dev.doppel.plugin.PluginLibrary;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.zip.ZipFile;

/**
 * A plugin library opened from plugin_dir: its own class loader (parent: the plugin API only) and the plugins
 * it declares. MySQL's SONAMEs work unchanged: {@code mysql_clone.so} or {@code .dll} is read from
 * {@code mysql_clone.jar} when no file of the given name exists.
 */
public final class PluginLibraryFile implements AutoCloseable {
    /** MySQL's NAME_CHAR_LEN and FN_REFLEN limits on a soname and on plugin_dir + soname. */
    private static final int MAX_SONAME = 64;
    private static final int MAX_PATH = 512;

    private final String soname;
    private final Path path;
    private final URLClassLoader classLoader;
    private final String apiVersion;
    private final List<PluginDescriptor> plugins;
    private int users;

    private PluginLibraryFile(String soname, Path path, URLClassLoader classLoader, String apiVersion,
                              List<PluginDescriptor> plugins) {
        this.soname = soname;
        this.path = path;
        this.classLoader = classLoader;
        this.apiVersion = apiVersion;
        this.plugins = plugins;
    }

    /** Checks the soname the way INSTALL PLUGIN does before anything is opened (1124). */
    public static void checkSoname(Path pluginDir, String soname) {
        if (soname.contains("/") || soname.contains("\\") || soname.length() > MAX_SONAME
                || (pluginDir.toString() + "/" + soname).length() >= MAX_PATH || soname.isEmpty()) {
            throw MySqlError.ER_UDF_NO_PATHS.exception();
        }
    }

    /** Opens {@code soname} from {@code pluginDir}: 1124 for a path, 1126 when unreadable or not a library, 1127. */
    public static PluginLibraryFile open(Path pluginDir, String soname, ClassLoader server) {
        checkSoname(pluginDir, soname);
        int nul = soname.indexOf('\0');
        if (nul >= 0) {
            // mysqld hands the name to dlopen as a C string, which ends at the NUL
            throw MySqlError.ER_CANT_OPEN_LIBRARY.exception(pluginDir.resolve(soname.substring(0, nul)).toString(), 2,
                    "cannot open shared object file: No such file or directory");
        }
        Path requested = pluginDir.resolve(soname);
        Path path = resolve(requested);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw MySqlError.ER_CANT_OPEN_LIBRARY.exception(requested.toString(), 2,
                    "cannot open shared object file: No such file or directory");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin-" + soname, new URL[] {path.toUri().toURL()},
                    new ApiOnlyClassLoader(server));
        } catch (IOException e) {
            throw MySqlError.ER_CANT_OPEN_LIBRARY.exception(requested.toString(), 0, e.getMessage());
        }
        try {
            PluginLibrary library = findLibrary(loader, path, requested);
            String apiVersion = library.apiVersion();
            checkApiVersion(apiVersion, requested);
            List<PluginDescriptor> plugins = List.copyOf(library.plugins());
            return new PluginLibraryFile(soname, path, loader, apiVersion, plugins);
        } catch (MySqlException e) {
            closeQuietly(loader);
            throw e;
        } catch (RuntimeException | LinkageError e) {
            closeQuietly(loader);
            throw MySqlError.ER_CANT_OPEN_LIBRARY.exception(requested.toString(), 0,
                    "plugin library failed to load: " + e);
        }
    }

    private static Path resolve(Path requested) {
        if (Files.exists(requested)) {
            return requested;
        }
        String name = requested.getFileName().toString();
        for (String suffix : new String[] {".so", ".dll"}) {
            if (name.endsWith(suffix)) {
                return requested.resolveSibling(name.substring(0, name.length() - suffix.length()) + ".jar");
            }
        }
        return requested;
    }

    private static PluginLibrary findLibrary(URLClassLoader loader, Path path, Path requested) {
        try (ZipFile ignored = new ZipFile(path.toFile())) {
            // a readable jar
        } catch (IOException e) {
            throw MySqlError.ER_CANT_OPEN_LIBRARY.exception(requested.toString(), 0, "not a plugin library (no jar)");
        }
        if (loader.findResource("META-INF/services/" + PluginLibrary.class.getName()) == null) {
            throw MySqlError.ER_CANT_FIND_DL_ENTRY.exception("_mysql_plugin_interface_version_");
        }
        try {
            Iterator<PluginLibrary> found = ServiceLoader.load(PluginLibrary.class, loader).iterator();
            if (!found.hasNext()) {
                throw MySqlError.ER_CANT_FIND_DL_ENTRY.exception("_mysql_plugin_declarations_");
            }
            return found.next();
        } catch (ServiceConfigurationError e) {
            throw MySqlError.ER_CANT_FIND_DL_ENTRY.exception("_mysql_plugin_declarations_");
        }
    }

    private static void checkApiVersion(String version, Path requested) {
        int major;
        try {
            major = Integer.parseInt(version.substring(0, version.indexOf('.')));
        } catch (RuntimeException e) {
            throw MySqlError.ER_CANT_FIND_DL_ENTRY.exception("_mysql_plugin_interface_version_");
        }
        if (major != PluginApi.MAJOR) {
            throw MySqlError.ER_CANT_OPEN_LIBRARY.exception(requested.toString(), 0, "plugin interface version mismatch");
        }
    }

    public String soname() {
        return soname;
    }

    public Path path() {
        return path;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public List<PluginDescriptor> plugins() {
        return plugins;
    }

    /** Counts a plugin that uses this library; the library is closed when the last one is removed. */
    void acquire() {
        users++;
    }

    /** Returns true when the library has no users left and was closed. */
    boolean release() {
        users--;
        if (users <= 0) {
            close();
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        closeQuietly(classLoader);
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
